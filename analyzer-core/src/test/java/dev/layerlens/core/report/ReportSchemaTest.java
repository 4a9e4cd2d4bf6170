package dev.layerlens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.layerlens.core.TestImages;
import dev.layerlens.testdata.DockerArchive;
import dev.layerlens.testdata.Entry;
import dev.layerlens.testdata.ImageSpec;
import dev.layerlens.testdata.LayerCompression;
import dev.layerlens.testdata.OciLayout;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real reports validate against docs/report.schema.json, and the schema rejects what it must. */
class ReportSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        Path file = Path.of("..", "docs", "report.schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static JsonNode report(Path image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReportWriter.write(TestImages.report(image), out);
        return MAPPER.readTree(out.toByteArray());
    }

    @Test
    void theReferenceImageValidates() throws Exception {
        Path archive = new DockerArchive(DockerArchive.Layout.LEGACY).image(TestImages.reference(), "ref:1")
                .write(dir.resolve("ref.tar")).path();
        JsonNode report = report(archive);
        assertThat(report.get("reclaimable")).as("the reference image hides files").isNotEmpty();
        assertThat(schema.validate(report)).isEmpty();
    }

    @Test
    void aCompressedSingleLayerImageValidates() throws Exception {
        ImageSpec one = ImageSpec.builder().layer("COPY a /", Entry.file("a", 10)).build();
        Path layout = dir.resolve("layout");
        new OciLayout().compression(LayerCompression.ZSTD).tag("1", one).writeDirectory(layout);
        JsonNode report = report(layout);
        assertThat(report.at("/metrics/dive/userWastedPercent").isNull()).as("no user layers: dive's NaN").isTrue();
        assertThat(report.at("/image/compressedSizeBytes").isNumber()).isTrue();
        assertThat(schema.validate(report)).isEmpty();
    }

    @Test
    void theSchemaRejectsAMissingFieldAndAWrongReason() throws Exception {
        Path archive = new DockerArchive(DockerArchive.Layout.LEGACY).image(TestImages.reference(), "ref:1")
                .write(dir.resolve("ref.tar")).path();
        ObjectNode missing = (ObjectNode) report(archive);
        ((ObjectNode) missing.get("image")).remove("digest");
        Set<ValidationMessage> errors = schema.validate(missing);
        assertThat(errors).isNotEmpty();

        ObjectNode wrongReason = (ObjectNode) report(archive);
        ((ObjectNode) wrongReason.get("reclaimable").get(0)).put("reason", "gone");
        assertThat(schema.validate(wrongReason)).isNotEmpty();
    }
}
