package dev.layerlens.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.layerlens.core.analysis.Severity;
import dev.layerlens.core.fs.HideReason;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link Report} as JSON; the shape is documented in docs/json-report.md. */
public final class JsonReportWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .addModule(new SimpleModule()
                    .addSerializer(HideReason.class, new IdSerializer<>(HideReason.class, HideReason::id))
                    .addSerializer(Severity.class, new IdSerializer<>(Severity.class, Severity::id)))
            .build();

    private JsonReportWriter() {
    }

    public static void write(Report report, OutputStream out) throws IOException {
        MAPPER.writeValue(out, report);
        out.write('\n');
    }

    /** The mapper reports are written with, for tests and other writers that build on the JSON tree. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static final class IdSerializer<E extends Enum<E>> extends StdSerializer<E> {
        private final java.util.function.Function<E, String> id;

        IdSerializer(Class<E> type, java.util.function.Function<E, String> id) {
            super(type);
            this.id = id;
        }

        @Override
        public void serialize(E value, JsonGenerator gen, com.fasterxml.jackson.databind.SerializerProvider provider)
                throws IOException {
            gen.writeString(id.apply(value));
        }
    }
}
