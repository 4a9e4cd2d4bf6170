package dev.layerlens.core.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ImageHistory;
import dev.layerlens.core.image.HistoryEntry;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history API has no empty_layer: which steps made layers is guessed until the saved config says. */
class InspectedImageTest {

    private static ImageHistory step(String createdBy, long size) throws ReflectiveOperationException {
        ImageHistory h = new ImageHistory();
        set(h, "createdBy", createdBy);
        set(h, "size", size);
        set(h, "created", 1_700_000_000L);
        return h;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private static List<ImageHistory> newestFirst(ImageHistory... oldestFirst) {
        List<ImageHistory> list = new ArrayList<>(List.of(oldestFirst));
        java.util.Collections.reverse(list);
        return list;
    }

    @Test
    void stepsWithASizeMadeLayersAndMetadataStepsDidNot() throws Exception {
        List<HistoryEntry> history = InspectedImage.history(newestFirst(
                step("/bin/sh -c #(nop) ADD file:abc in / ", 5_000_000),
                step("/bin/sh -c #(nop)  CMD [\"sh\"]", 0),
                step("RUN /bin/sh -c true # buildkit", 0),
                step("ENV A=1", 0),
                step("COPY app /app # buildkit", 1200)), 3);

        assertThat(history).extracting(HistoryEntry::emptyLayer).containsExactly(false, true, false, true, false);
        assertThat(history.get(0).created()).isEqualTo("2023-11-14T22:13:20Z");
    }

    @Test
    void withEveryLayerAccountedForZeroSizeStepsAreEmpty() throws Exception {
        List<HistoryEntry> history = InspectedImage.history(newestFirst(
                step("/bin/sh -c #(nop) ADD file:abc in / ", 10),
                step("RUN /bin/sh -c true", 0)), 1);
        assertThat(history).extracting(HistoryEntry::emptyLayer).containsExactly(false, true);
    }
}
