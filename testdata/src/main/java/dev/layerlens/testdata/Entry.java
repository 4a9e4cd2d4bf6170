package dev.layerlens.testdata;

import java.nio.charset.StandardCharsets;

/**
 * One tar entry of a layer, as a fixture declares it. Regular files carry either given bytes or a
 * size of deterministic filler (so large files cost no source text). Whiteouts and opaque markers are
 * declared by the path they act on and written under their overlay names ({@code .wh.name},
 * {@code .wh..wh..opq}).
 *
 * @param path   the path the entry is about, without a leading slash: for a whiteout the path it
 *               removes, for an opaque marker the directory it clears
 * @param size   content bytes of a regular file; 0 for everything else
 * @param bytes  the content of a regular file, or null for filler
 * @param linkTarget symlink or hard link target, else null
 */
public record Entry(Type type, String path, long size, byte[] bytes, String linkTarget, int mode, long uid, long gid,
                    int devMajor, int devMinor) {

    public enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, CHAR_DEVICE, FIFO, WHITEOUT, OPAQUE }

    public Entry {
        path = stripSlashes(path);
        if (path.isEmpty() && type != Type.DIRECTORY) {
            throw new IllegalArgumentException("only a directory entry may name the root");
        }
        if (bytes != null && bytes.length != size) {
            throw new IllegalArgumentException("size " + size + " disagrees with " + bytes.length + " content bytes");
        }
    }

    public static Entry file(String path, String text) {
        return file(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Entry file(String path, byte[] content) {
        return new Entry(Type.FILE, path, content.length, content.clone(), null, 0644, 0, 0, 0, 0);
    }

    /** A regular file of {@code size} filler bytes (the same bytes for the same path and size). */
    public static Entry file(String path, long size) {
        return new Entry(Type.FILE, path, size, null, null, 0644, 0, 0, 0, 0);
    }

    public static Entry dir(String path) {
        return new Entry(Type.DIRECTORY, path, 0, null, null, 0755, 0, 0, 0, 0);
    }

    public static Entry symlink(String path, String target) {
        return new Entry(Type.SYMLINK, path, 0, null, target, 0777, 0, 0, 0, 0);
    }

    /** A hard link to {@code target}, a path shipped earlier in the same layer. */
    public static Entry hardlink(String path, String target) {
        return new Entry(Type.HARDLINK, path, 0, null, stripSlashes(target), 0644, 0, 0, 0, 0);
    }

    public static Entry charDevice(String path, int major, int minor) {
        return new Entry(Type.CHAR_DEVICE, path, 0, null, null, 0666, 0, 0, major, minor);
    }

    public static Entry fifo(String path) {
        return new Entry(Type.FIFO, path, 0, null, null, 0644, 0, 0, 0, 0);
    }

    /** Removes {@code path} from the layers below: written as {@code parent/.wh.name}. */
    public static Entry whiteout(String path) {
        return new Entry(Type.WHITEOUT, path, 0, null, null, 0644, 0, 0, 0, 0);
    }

    /** Hides what the layers below put in {@code dir}: written as {@code dir/.wh..wh..opq}. */
    public static Entry opaque(String dir) {
        return new Entry(Type.OPAQUE, dir, 0, null, null, 0644, 0, 0, 0, 0);
    }

    public Entry withMode(int newMode) {
        return new Entry(type, path, size, bytes, linkTarget, newMode, uid, gid, devMajor, devMinor);
    }

    public Entry withOwner(long newUid, long newGid) {
        return new Entry(type, path, size, bytes, linkTarget, mode, newUid, newGid, devMajor, devMinor);
    }

    /** The entry's name in the layer tar: directories end with a slash, markers get their overlay names. */
    public String tarName() {
        return switch (type) {
            case DIRECTORY -> path.isEmpty() ? "./" : path + "/";
            case WHITEOUT -> child(parent(path), ".wh." + name(path));
            case OPAQUE -> child(path, ".wh..wh..opq");
            default -> path;
        };
    }

    /** Content bytes (dive's size of the entry): the size of a regular file, 0 for anything else. */
    public long contentBytes() {
        return type == Type.FILE ? size : 0;
    }

    /** The content of a regular file: the given bytes or the filler. */
    public byte[] content() {
        if (type != Type.FILE) {
            return new byte[0];
        }
        return bytes != null ? bytes.clone() : Filler.bytes(path, size);
    }

    private static String stripSlashes(String p) {
        String s = p;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String parent(String p) {
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash);
    }

    private static String name(String p) {
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }
}
