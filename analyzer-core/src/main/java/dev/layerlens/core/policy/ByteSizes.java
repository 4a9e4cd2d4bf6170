package dev.layerlens.core.policy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Byte sizes as dive's CI config writes them ({@code 20MB}, {@code 20MiB}, {@code 1.5 GB}, {@code 50kB},
 * {@code 1B}, {@code 2048}): a number (digits, one decimal point, thousands commas), optional
 * spaces, then a unit matched without regard to case. SI units are powers of 1000 ({@code kB},
 * {@code MB}, also {@code k}, {@code M}), IEC units powers of 1024 ({@code KiB}, {@code MiB}, also
 * {@code Ki}, {@code Mi}). dive truncates fractional bytes, and so does this.
 */
public final class ByteSizes {
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("k", 1000L), Map.entry("kb", 1000L), Map.entry("ki", 1L << 10), Map.entry("kib", 1L << 10),
            Map.entry("m", 1000_000L), Map.entry("mb", 1000_000L), Map.entry("mi", 1L << 20), Map.entry("mib", 1L << 20),
            Map.entry("g", 1000_000_000L), Map.entry("gb", 1000_000_000L), Map.entry("gi", 1L << 30), Map.entry("gib", 1L << 30),
            Map.entry("t", 1000_000_000_000L), Map.entry("tb", 1000_000_000_000L), Map.entry("ti", 1L << 40),
            Map.entry("tib", 1L << 40),
            Map.entry("p", 1000_000_000_000_000L), Map.entry("pb", 1000_000_000_000_000L), Map.entry("pi", 1L << 50),
            Map.entry("pib", 1L << 50),
            Map.entry("e", 1000_000_000_000_000_000L), Map.entry("eb", 1000_000_000_000_000_000L),
            Map.entry("ei", 1L << 60), Map.entry("eib", 1L << 60));

    private ByteSizes() {
    }

    /** The number of bytes {@code text} names; an {@link IllegalArgumentException} says why not. */
    public static long parse(String text) {
        int end = 0;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.'
                || text.charAt(end) == ',')) {
            end++;
        }
        String number = text.substring(0, end).replace(",", "");
        if (number.isEmpty() || number.chars().filter(c -> c == '.').count() > 1 || number.equals(".")) {
            throw new IllegalArgumentException("not a size: \"" + text + "\" (write e.g. 20MB, 20MiB or 1500000)");
        }
        String unit = text.substring(end).trim().toLowerCase(Locale.ROOT);
        Long multiplier = UNITS.get(unit);
        if (multiplier == null) {
            throw new IllegalArgumentException("unknown size unit \"" + text.substring(end).trim() + "\" in \"" + text
                    + "\" (B, kB, MB, GB, TB or KiB, MiB, GiB, TiB)");
        }
        BigDecimal bytes = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("too large: \"" + text + "\"");
        }
        return bytes.longValue();
    }
}
