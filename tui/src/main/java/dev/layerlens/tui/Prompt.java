package dev.layerlens.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** A one-line text field on the key line: the filter expression, or a path to jump to. */
final class Prompt {
    enum Purpose { FILTER, JUMP }

    enum Outcome { EDITING, SUBMITTED, CANCELLED }

    private final Purpose purpose;
    private final String label;
    private final StringBuilder text;
    private int caret;

    Prompt(Purpose purpose, String label, String initial) {
        this.purpose = purpose;
        this.label = label;
        this.text = new StringBuilder(initial);
        this.caret = text.length();
    }

    Purpose purpose() {
        return purpose;
    }

    String label() {
        return label;
    }

    String text() {
        return text.toString();
    }

    int caret() {
        return caret;
    }

    Outcome handle(KeyStroke key) {
        switch (key.getKeyType()) {
            case Enter:
                return Outcome.SUBMITTED;
            case Escape:
            case EOF:
                return Outcome.CANCELLED;
            case Backspace:
                if (caret > 0) {
                    text.deleteCharAt(--caret);
                }
                return Outcome.EDITING;
            case Delete:
                if (caret < text.length()) {
                    text.deleteCharAt(caret);
                }
                return Outcome.EDITING;
            case ArrowLeft:
                caret = Math.max(0, caret - 1);
                return Outcome.EDITING;
            case ArrowRight:
                caret = Math.min(text.length(), caret + 1);
                return Outcome.EDITING;
            case Home:
                caret = 0;
                return Outcome.EDITING;
            case End:
                caret = text.length();
                return Outcome.EDITING;
            case Character:
                if (key.isCtrlDown() && Character.toLowerCase(key.getCharacter()) == 'u') {
                    text.setLength(0);
                    caret = 0;
                } else if (!key.isCtrlDown() && !key.isAltDown()) {
                    text.insert(caret++, key.getCharacter().charValue());
                }
                return Outcome.EDITING;
            default:
                return Outcome.EDITING;
        }
    }
}
