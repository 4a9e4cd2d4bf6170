package dev.layerlens.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Set;

/** Foreground, background (null: the terminal's default) and attributes of drawn text. */
record Style(TextColor foreground, TextColor background, Set<SGR> attributes) {
    static final Style PLAIN = new Style(null, null);

    Style {
        attributes = attributes.isEmpty() ? Set.of() : Set.copyOf(attributes);
    }

    Style(TextColor foreground, TextColor background, SGR... attributes) {
        this(foreground, background, attributes.length == 0 ? Set.of() : EnumSet.of(attributes[0], attributes));
    }

    Style with(SGR attribute) {
        EnumSet<SGR> more = EnumSet.of(attribute);
        more.addAll(attributes);
        return new Style(foreground, background, more);
    }
}
