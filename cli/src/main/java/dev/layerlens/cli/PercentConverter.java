package dev.layerlens.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 5}, {@code 5%}, {@code 2.5 %}, {@code 0}: a percentage. */
final class PercentConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        String number = value.trim();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).trim();
        }
        try {
            double percent = Double.parseDouble(number);
            if (Double.isNaN(percent) || Double.isInfinite(percent)) {
                throw new NumberFormatException();
            }
            return percent;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a percentage (write e.g. 5 or 5%)");
        }
    }

    static String format(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.format(Locale.ROOT, "%s", percent);
    }
}
