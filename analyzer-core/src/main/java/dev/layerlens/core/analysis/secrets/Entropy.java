package dev.layerlens.core.analysis.secrets;

/** Shannon entropy of a value's characters: how random a would-be secret looks. */
final class Entropy {
    private Entropy() {
    }

    /** Bits per character; 0 for an empty value. */
    static double bitsPerChar(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        int n = value.codePointCount(0, value.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / n;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }

    /**
     * Whether a value assigned to a secret-like name looks random enough to be a real secret: at
     * least 8 characters; nearly as much entropy as its length allows (a short value cannot
     * reach 3 bits per character: 8 distinct characters give exactly 3); and a digit, or three
     * kinds of character over at least 12, which words and identifiers ({@code tokenizer},
     * {@code mySecretName}) do not have while generated keys and real passwords almost always do.
     */
    static boolean looksRandom(String value) {
        int n = value.length();
        if (n < 8) {
            return false;
        }
        double wanted = Math.min(3.0, Math.log(n) / Math.log(2) - 0.5);
        if (bitsPerChar(value) < wanted) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        // without a digit, short mixed values are mostly words ("Non-zero", "Resolver-")
        return digit || kinds >= 3 && n >= 12;
    }
}
