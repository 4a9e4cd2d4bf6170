package dev.layerlens.core.analysis.secrets;

/**
 * How much text around a keyword a pattern may need: {@code before} and {@code after} bytes at
 * most, and within the keyword's line unless {@code multiline}. Bounds keep a pattern's work
 * proportional to the number of keywords found, not to the size of the file.
 */
record Window(int before, int after, boolean multiline) {
    /** The line around the keyword, within limits that fit any assignment or URL worth reporting. */
    static final Window LINE = new Window(256, 768, false);
    /** A token in a vendor's format, which starts with its keyword: the token's length after it, little before. */
    static final Window TOKEN = new Window(16, 320, false);

    Window {
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("negative window");
        }
    }
}
