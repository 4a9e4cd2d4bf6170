package dev.layerlens.cli;

import dev.layerlens.core.image.Platform;
import picocli.CommandLine;

/** {@code --platform os/arch[/variant]}; a malformed value is a usage error. */
final class PlatformConverter implements CommandLine.ITypeConverter<Platform> {
    @Override
    public Platform convert(String value) {
        try {
            return Platform.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
