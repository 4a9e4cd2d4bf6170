package dev.layerlens.core.image;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path arithmetic for names found in images and archives: nothing may climb above the root. */
public final class PathNames {
    private PathNames() {
    }

    /** {@code ./a//b/} → {@code a/b}; {@code ..} above the root is dropped, so a name never escapes. */
    public static String normalize(String name) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /** The directory part of a normalised path ({@code ""} at the root). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** {@code parent/name}, or {@code name} at the root. */
    public static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }
}
