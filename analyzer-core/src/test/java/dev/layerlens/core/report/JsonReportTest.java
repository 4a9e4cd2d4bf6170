package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerlens.core.TestImages;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.OciLayout;
import dev.layerlens.testdata.Written;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report's shape (schemaVersion 1) and that its figures are the analysis's. */
class JsonReportTest {
    @TempDir
    Path dir;

    private static JsonNode json(Object input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReportWriter.write(TestImages.report(input), out);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theRequiredFieldsArePresentWithTheRightValues() throws Exception {
        Written written = new OciLayout().tag("1", TestImages.reference()).writeArchive(dir.resolve("oci.tar"));
        JsonNode report = json(written.path());

        assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(fields(report)).contains("image", "layers", "metrics", "reclaimable", "findings");

        JsonNode image = report.get("image");
        assertThat(fields(image)).contains("reference", "source", "digest", "platform", "sizeBytes", "layerCount");
        assertThat(image.get("reference").asText()).isEqualTo(written.path().toString());
        assertThat(image.get("source").asText()).isEqualTo("oci-archive");
        assertThat(image.get("digest").asText()).isEqualTo(written.image().configDigest());
        assertThat(image.get("platform").asText()).isEqualTo("linux/amd64");
        assertThat(image.get("sizeBytes").asLong()).isEqualTo(10_820);
        assertThat(image.get("layerCount").asInt()).isEqualTo(4);

        JsonNode layers = report.get("layers");
        assertThat(layers).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonNode layer = layers.get(i);
            assertThat(fields(layer)).contains("index", "digest", "diffId", "command", "sizeBytes", "compressedSizeBytes",
                    "fileCount");
            assertThat(layer.get("index").asInt()).isEqualTo(i);
            assertThat(layer.get("digest").asText()).isEqualTo(written.image().layers().get(i).blobDigest());
            assertThat(layer.get("diffId").asText()).isEqualTo(written.image().layers().get(i).diffId());
            assertThat(layer.get("compressedSizeBytes").asLong()).isEqualTo(written.image().layers().get(i).blobSize());
        }
        assertThat(layers.get(1).get("command").asText()).isEqualTo("COPY app /app # buildkit");
        assertThat(layers.get(1).get("sizeBytes").asLong()).isEqualTo(4320);
        assertThat(layers.get(1).get("fileCount").asInt()).isEqualTo(3);

        JsonNode dive = report.get("metrics").get("dive");
        assertThat(dive.get("efficiency").asDouble()).isEqualTo(9400.0 / 12020.0);
        assertThat(dive.get("wastedBytes").asLong()).isEqualTo(4620);
        assertThat(dive.get("userWastedPercent").asDouble()).isEqualTo(4620.0 / 7320.0);
        assertThat(report.get("metrics").get("reclaimableBytes").asLong()).isEqualTo(3820);

        JsonNode first = report.get("reclaimable").get(0);
        assertThat(fields(first)).contains("path", "bytes", "layers", "reason");
        assertThat(first.get("path").asText()).isEqualTo("/bin/tool");
        assertThat(first.get("bytes").asLong()).isEqualTo(2000);
        assertThat(first.get("layers").isArray()).isTrue();
        assertThat(first.get("layers").get(0).asInt()).isZero();
        assertThat(first.get("reason").asText()).isEqualTo("overwritten");
        assertThat(report.get("reclaimable").get(2).get("reason").asText()).isEqualTo("deleted");
        assertThat(report.get("reclaimable").get(1).get("reason").asText()).isEqualTo("dir-removed");

        assertThat(report.get("findings").isArray()).isTrue();
    }

    @Test
    void unknownValuesAreNullNotAbsent() throws Exception {
        ImageSpec single = ImageSpec.builder().noHistory().layer("x", Entry.file("a", 1)).build();
        Path path = new DockerArchive(DockerArchive.Layout.LEGACY).image(single).write(dir.resolve("one.tar")).path();
        JsonNode report = json(path);

        JsonNode layer = report.get("layers").get(0);
        assertThat(layer.has("compressedSizeBytes")).isTrue();
        assertThat(layer.get("compressedSizeBytes").isNull()).isTrue();
        assertThat(layer.get("command").asText()).isEmpty();
        assertThat(report.get("metrics").get("dive").get("userWastedPercent").isNull()).isTrue();
        assertThat(report.get("image").get("reference").asText()).as("untagged: named after the archive")
                .isEqualTo(path.toString());
    }
}
