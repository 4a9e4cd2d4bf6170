package dev.layerlens.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a report (any tree of records, lists, maps, strings, numbers, booleans and enums) as
 * JSON: a record's components in declaration order, nulls included, an enum by its {@code id()}
 * when it has one. The shape is documented in docs/json-report.md. Jackson's streaming generator
 * does the writing; its data-binding layer would cost the command line more start-up time than
 * the whole report takes to write.
 */
public final class JsonReportWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReportWriter() {
    }

    public static void write(Object report, OutputStream out) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.useDefaultPrettyPrinter();
            value(report, generator);
        }
        out.write('\n');
        out.flush();
    }

    private static void value(Object value, JsonGenerator out) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Record record) {
            out.writeStartObject();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                out.writeFieldName(component.getName());
                value(invoke(component.getAccessor(), record), out);
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> collection) {
            out.writeStartArray();
            for (Object element : collection) {
                value(element, out);
            }
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.writeFieldName(String.valueOf(e.getKey()));
                value(e.getValue(), out);
            }
            out.writeEndObject();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Double || value instanceof Float) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            out.writeNumber(n.longValue());
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Enum<?> e) {
            out.writeString(enumId(e));
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    /** {@code id()} when the enum declares one (stable report names), else the lower-case name. */
    private static String enumId(Enum<?> e) {
        try {
            Method id = e.getDeclaringClass().getMethod("id");
            if (id.getReturnType() == String.class) {
                return (String) invoke(id, e);
            }
        } catch (NoSuchMethodException ignored) {
            // no stable id: the name it is
        }
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Object invoke(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }
}
