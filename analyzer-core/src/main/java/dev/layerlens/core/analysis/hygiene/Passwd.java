package dev.layerlens.core.analysis.hygiene;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** The user names and uids of an {@code /etc/passwd} ({@code name:password:uid:gid:gecos:home:shell}). */
record Passwd(Map<String, Long> uids) {
    static final String PATH = "etc/passwd";
    static final int MAX_BYTES = 1 << 20;

    Passwd {
        uids = Map.copyOf(uids);
    }

    static Passwd parse(String path, byte[] content, int length) {
        Map<String, Long> uids = new HashMap<>();
        for (String line : new String(content, 0, length, StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length < 3 || fields[0].isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                // the first entry wins, as getpwnam returns the first match
                uids.putIfAbsent(fields[0], Long.parseLong(fields[2].strip()));
            } catch (NumberFormatException e) {
                // a malformed line names no uid
            }
        }
        return new Passwd(uids);
    }

    OptionalLong uidOf(String name) {
        Long uid = uids.get(name);
        return uid == null ? OptionalLong.empty() : OptionalLong.of(uid);
    }
}
