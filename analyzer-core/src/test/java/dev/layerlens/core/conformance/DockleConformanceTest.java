package dev.layerlens.core.conformance;

import static dev.layerlens.core.conformance.PeerArchives.analyze;
import static dev.layerlens.core.conformance.PeerArchives.file;
import static dev.layerlens.core.conformance.PeerArchives.scans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.fs.FileTree;
import dev.layerlens.core.fs.FileVersion;
import dev.layerlens.core.image.Digest;
import dev.layerlens.core.image.HistoryEntry;
import dev.layerlens.core.image.Image;
import dev.layerlens.core.image.ImageConfig;
import dev.layerlens.core.image.Layer;
import dev.layerlens.core.image.json.ConfigTranslator;
import dev.layerlens.core.layer.EntryType;
import dev.layerlens.core.layer.LayerEntry;
import dev.layerlens.core.layer.LayerScan;
import dev.layerlens.core.report.Report;
import dev.layerlens.core.source.ImageAssembler;
import dev.layerlens.core.source.LayerDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** goodwithtech/dockle's archives and configs: {@code testdata-peers/dockle/SOURCE.md}; "L21" = line 21. */
class DockleConformanceTest {
    private static final int SETUID = 04000;
    private static final int SETGID = 02000;
    private Path dir;

    @BeforeEach
    void locate() {
        dir = PeerArchives.peer("dockle");
    }

    private String path(String name) {
        return file(dir, name).toString();
    }

    // ---- scratch.tar ----

    @Test
    @DisplayName("scratch.tar: one 2048-byte layer holding credentials.json (461 B), USER scratch, no healthcheck (L9-24)")
    void scratch() throws Exception {
        ImageAnalyzer.Result result = analyze(path("scratch.tar"));
        Report report = result.report();

        assertThat(report.image().reference()).isEqualTo("scratchtest2:latest");                       // L20
        assertThat(report.image().digest()).startsWith("sha256:26ba9f75");                            // L16
        assertThat(report.layers()).singleElement().satisfies(layer -> {                              // L21
            assertThat(layer.diffId()).isEqualTo("sha256:ef27a2eaa2bd07e4544ff17e6019e24f5b01a57df572e5d68f0d0ce47847b712");
            assertThat(layer.sizeBytes()).isEqualTo(461L);                                             // L22
            assertThat(layer.command()).contains("ADD file:5ac30f70").endsWith("in /credentials.json "); // L23
        });
        assertThat(scans(path("scratch.tar"))).singleElement()
                .satisfies(scan -> assertThat(scan.tarBytes()).isEqualTo(2048L));                        // L21
        assertThat(result.tree().root().children()).singleElement().satisfies(node -> {              // L22
            assertThat(node.path()).isEqualTo("credentials.json");
            assertThat(node.visibleVersion().size()).isEqualTo(461L);
        });
        ImageConfig config = result.image().config();
        assertThat(config.user()).isEqualTo("scratch");                                                 // L24
        assertThat(config.healthcheck()).isNull();                                                      // L24
        assertThat(config.history()).extracting(HistoryEntry::emptyLayer).containsExactly(false, true); // L23
        assertThat(config.history().get(1).createdBy()).contains("USER scratch");
        for (String absent : List.of("etc/passwd", "etc/shadow", "etc/group")) {                        // L24
            assertThat(result.tree().find(absent)).isNull();
        }
        assertThat(report.image().verified()).isTrue();
    }

    // ---- symbolic.tar ----

    @Test
    @DisplayName("symbolic.tar: 9 layers, layer 9's layer.tar is a symlink to layer 7's, same diffID twice (L42-66)")
    void symbolicLayers() throws Exception {
        ImageAnalyzer.Result result = analyze(path("symbolic.tar"));
        Report report = result.report();

        assertThat(report.image().reference()).isEqualTo("goodwithtech/dockle-test:v3");               // L50
        assertThat(report.layers()).extracting(l -> l.diffId().substring(7, 15))                      // L54-64
                .containsExactly("1da8e4c8", "358229a0", "677c1912", "274c73d4", "3664c45b", "6216714b",
                        "98d172aa", "434ba219", "98d172aa");
        // L49, L64: the 7th and 9th layers are the same blob, read through the symlink; both verified
        assertThat(report.layers().get(8).diffId()).isEqualTo(report.layers().get(6).diffId())
                .isEqualTo("sha256:98d172aa39eb52759aa79fda88452c3d78528ea21b170332cf45759c902c519a");
        assertThat(report.image().verified()).isTrue();
        // L56: base rootfs tar is 1,437,184 bytes
        assertThat(scans(path("symbolic.tar")).get(0).tarBytes()).isEqualTo(1_437_184L);
        // L66: 10 history entries, one empty (CMD ["sh"]), 9 paired with 9 layers: no mismatch note
        ImageConfig config = result.image().config();
        assertThat(config.history()).hasSize(10).filteredOn(HistoryEntry::emptyLayer).singleElement()
                .satisfies(h -> assertThat(h.createdBy()).contains("CMD [\"sh\"]"));
        assertThat(report.notes()).isEmpty();
        assertThat(report.layers()).extracting(Report.LayerReport::command).satisfies(commands -> {   // L56-64
            assertThat(commands.get(0)).contains("ADD file:1141b81e").endsWith("in / ");
            assertThat(commands.get(1)).contains("ADD file:81c0a803").contains("in /app/credentials.json");
            assertThat(commands.get(3)).endsWith("chmod u+s /app/suid.txt");
            assertThat(commands.get(5)).endsWith("chmod g+s /app/gid.txt");
            assertThat(commands.get(7)).endsWith("chmod u+s /app/once-suid.txt");
            assertThat(commands.get(8)).endsWith("chmod u-s /app/once-suid.txt");
        });
        assertThat(config.user()).isEmpty();                                                            // L66
        assertThat(config.healthcheck()).isNull();                                                      // L66
    }

    @Test
    @DisplayName("symbolic.tar: setuid set then cleared; only the final mode counts (L58-64, L70-73, L81)")
    void symbolicModes() throws Exception {
        FileTree tree = analyze(path("symbolic.tar")).tree();

        // L73 (asserted by docker_test.go): layer 434ba219 (index 7) has once-suid.txt setuid|0644;
        // L71: layer 98d172aa (indexes 6 and 8) has it 0644
        assertThat(tree.find("app/once-suid.txt").versions())
                .extracting(FileVersion::layer, FileVersion::mode)
                .containsExactly(tuple(6, 0644), tuple(7, SETUID | 0644), tuple(8, 0644));
        // L81: the final file system has once-suid.txt 0644, suid.txt setuid, gid.txt setgid
        FileVersion onceSuid = tree.find("app/once-suid.txt").visibleVersion();
        assertThat(onceSuid.layer()).isEqualTo(8);
        assertThat(onceSuid.mode()).isEqualTo(0644);
        FileVersion suid = tree.find("app/suid.txt").visibleVersion();
        assertThat(suid.layer()).isEqualTo(3);
        assertThat(suid.mode() & SETUID).isEqualTo(SETUID);
        assertThat(suid.mode() & 0777).isEqualTo(0644);
        FileVersion gid = tree.find("app/gid.txt").visibleVersion();
        assertThat(gid.mode()).isEqualTo(SETGID | 0644);
        // L56: busybox has no setuid files, so those two are the only special-permission files
        List<String> special = new java.util.ArrayList<>();
        tree.forEachNode(node -> {
            FileVersion v = node.visibleVersion();
            if (v != null && v.type() == EntryType.FILE && (v.mode() & (SETUID | SETGID)) != 0) {
                special.add(node.path());
            }
        });
        assertThat(special).containsExactlyInAnyOrder("app/suid.txt", "app/gid.txt");
    }

    @Test
    @DisplayName("symbolic.tar: the opaque marker on the new dir app/ hides nothing of its own layer (L57, L92)")
    void symbolicOpaqueOnNewDirectory() throws Exception {
        List<LayerScan> scans = scans(path("symbolic.tar"));

        // L57: layer 2 = app/.wh..wh..opq + app/credentials.json (23 B)
        assertThat(scans.get(1).entries())
                .extracting(LayerEntry::path, LayerEntry::type, LayerEntry::size)
                .contains(tuple("app", EntryType.OPAQUE, 0L), tuple("app/credentials.json", EntryType.FILE, 23L));
        FileVersion credentials = analyze(path("symbolic.tar")).tree().find("app/credentials.json").visibleVersion();
        assertThat(credentials).isNotNull();
        assertThat(credentials.layer()).isEqualTo(1);
        assertThat(credentials.size()).isEqualTo(23L);
    }

    // ---- configs/*.json: bare config blobs ----

    @ParameterizedTest(name = "{0}: {1} history entries, {2} non-empty, {3} diff_ids, note: {4} (L103-114)")
    @CsvSource({
        "root_default.json,           2, 1, 1, false",
        "apk_cache.json,              4, 3, 3, false",
        "apt_update_upgrade.json,     3, 2, 2, false",
        "add_with_arg_statement.json, 7, 2, 2, false",
        "multi_add.json,              9, 4, 2, true",
        "nginx.json,                 11, 3, 3, false",
    })
    void configHistoryPairing(String name, int history, int nonEmpty, int diffIds, boolean note) throws Exception {
        Image image = assemble(name);

        assertThat(image.config().history()).hasSize(history);
        assertThat(image.config().history()).filteredOn(h -> !h.emptyLayer()).hasSize(nonEmpty);
        assertThat(image.layers()).hasSize(diffIds);
        // every layer gets the non-empty entry in order; a count mismatch is a note, never a failure
        assertThat(image.layers()).allSatisfy(layer -> assertThat(layer.history()).isNotNull());
        if (note) {
            assertThat(image.notes()).singleElement().asString()
                    .contains(nonEmpty + " non-empty entries for " + diffIds + " layers");
        } else {
            assertThat(image.notes()).isEmpty();
        }
    }

    @Test
    @DisplayName("multi_add.json: 4 non-empty history entries for 2 diff_ids pair in order, with a note (L109, L112-114)")
    void multiAddMismatch() throws Exception {
        Image image = assemble("multi_add.json");

        assertThat(image.layers()).extracting(Layer::createdBy).containsExactly(
                "/bin/sh -c #(nop) ADD file:262490f82459c14632f5c9a6d6a5cf6c07b4f307e8fd380fa764662cda46e88f in / ",
                "RUN /bin/sh -c echo \"hello\" # buildkit");
        assertThat(image.notes()).singleElement().asString().contains("may be misattributed");
    }

    @Test
    @DisplayName("add_with_arg_statement.json: ARG/LABEL empty entries before the base ADD do not shift pairing (L108)")
    void emptyEntriesBeforeBase() throws Exception {
        Image image = assemble("add_with_arg_statement.json");

        assertThat(image.layers().get(0).createdBy()).contains("#(nop) ADD file:262490f8").endsWith(" in / ");
        assertThat(image.layers().get(1).createdBy()).isEqualTo("RUN /bin/sh -c echo \"hello\" # buildkit");
        assertThat(image.config().user()).isEmpty();                     // L105-109: CIS-DI-0001 (root) everywhere
        assertThat(image.config().healthcheck()).isNull();               // L105-109: CIS-DI-0006 everywhere
    }

    @Test
    @DisplayName("apk_cache.json: layers pair with ADD base, apk add, ADD credential.json (L106)")
    void apkCachePairing() throws Exception {
        Image image = assemble("apk_cache.json");

        assertThat(image.layers()).extracting(Layer::createdBy).satisfies(commands -> {
            assertThat(commands.get(0)).contains("ADD file:").endsWith(" in / ");
            assertThat(commands.get(1)).isEqualTo("/bin/sh -c apk add wget curl");
            assertThat(commands.get(2)).contains("ADD file:").contains("in /app/credential.json");
        });
    }

    private Image assemble(String name) throws Exception {
        byte[] bytes = Files.readAllBytes(file(dir, "configs/" + name));
        ImageConfig config = ConfigTranslator.toImageConfig(bytes, name);
        List<LayerDescriptor> blobs = Collections.nCopies(config.diffIds().size(), new LayerDescriptor(null, null, null));
        return ImageAssembler.assemble(name, "config", null, Digest.sha256(bytes), config, blobs);
    }
}
