package dev.layerlens.core.image;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path arithmetic for names found in images and archives: nothing may climb above the root. */
public final class PathNames {
    private PathNames() {
    }

    /** {@code ./a//b/} → {@code a/b}; {@code ..} above the root is dropped, so a name never escapes. */
    public static String normalize(String name) {
        if (isNormal(name)) {
            return name;
        }
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

    /** True when no element is empty, {@code .} or {@code ..} (the common case: nothing to allocate). */
    private static boolean isNormal(String name) {
        int length = name.length();
        if (length == 0 || name.charAt(0) == '/' || name.charAt(length - 1) == '/') {
            return length == 0;
        }
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || name.charAt(i) == '/') {
                int elementLength = i - start;
                if (elementLength == 0
                        || (elementLength == 1 && name.charAt(start) == '.')
                        || (elementLength == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.')) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** The elements of a normalised path ({@code a/b/c} → a, b, c); no regex, one small array. */
    public static String[] elements(String path) {
        if (path.isEmpty()) {
            return new String[0];
        }
        int count = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        String[] out = new String[count];
        int start = 0;
        int n = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                out[n++] = path.substring(start, i);
                start = i + 1;
            }
        }
        return out;
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
