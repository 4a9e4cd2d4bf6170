package dev.layerlens.core.source.registry;

import dev.layerlens.core.source.ImageReadException;
import java.util.Optional;

/** Where the credentials for one registry come from; asked only when the registry wants them. */
@FunctionalInterface
interface CredentialSource {
    Optional<Credentials> lookup() throws ImageReadException;

    /** Asks {@code source} once; later calls get the same answer (a credential helper runs once). */
    static CredentialSource once(CredentialSource source) {
        return new CredentialSource() {
            private Optional<Credentials> value;

            @Override
            public synchronized Optional<Credentials> lookup() throws ImageReadException {
                if (value == null) {
                    value = source.lookup();
                }
                return value;
            }
        };
    }
}
