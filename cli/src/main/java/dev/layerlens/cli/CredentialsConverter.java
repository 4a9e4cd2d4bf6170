package dev.layerlens.cli;

import dev.layerlens.core.source.registry.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;

/** {@code --creds USER:PASSWORD}; an error names the expected form and never echoes what was given. */
final class CredentialsConverter implements CommandLine.ITypeConverter<Credentials> {
    @Override
    public Credentials convert(String value) {
        try {
            return Credentials.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** {@code --creds-file FILE}: USER:PASSWORD on the file's first line. */
    static final class FromFile implements CommandLine.ITypeConverter<Credentials> {
        private static final long MAX_BYTES = 64 * 1024;

        @Override
        public Credentials convert(String value) {
            Path file = Path.of(value);
            String firstLine;
            try {
                if (Files.size(file) > MAX_BYTES) {
                    throw new CommandLine.TypeConversionException(value + " is larger than a credentials file can be");
                }
                firstLine = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            } catch (NoSuchFileException e) {
                throw new CommandLine.TypeConversionException(value + " does not exist");
            } catch (IOException e) {
                throw new CommandLine.TypeConversionException("cannot read " + value + ": " + e.getMessage());
            }
            try {
                return Credentials.parse(firstLine);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("the first line of " + value + " must be USER:PASSWORD");
            }
        }
    }
}
