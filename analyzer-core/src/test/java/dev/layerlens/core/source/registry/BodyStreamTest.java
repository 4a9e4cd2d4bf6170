package dev.layerlens.core.source.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The body stream as the HTTP client's publisher drives it: batches on demand, errors, silence. */
class BodyStreamTest {

    /** A subscription that counts demand and notices cancellation. */
    private static final class Demand implements Flow.Subscription {
        final AtomicLong requested = new AtomicLong();
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    }

    private static List<ByteBuffer> batch(String text) {
        return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void readsBatchesAsTheyComeAskingForOneAtATime() throws IOException {
        BodyStream body = new BodyStream(Duration.ofSeconds(5), "blob x");
        Demand demand = new Demand();
        body.onSubscribe(demand);
        assertThat(demand.requested).hasValue(1);
        body.onNext(batch("hello "));
        body.onNext(batch("world"));
        body.onComplete();

        assertThat(new String(body.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        assertThat(demand.requested).as("one more batch asked for after each one taken").hasValue(3);
    }

    @Test
    void silenceLongerThanTheIdleTimeoutBreaksTheConnection() {
        BodyStream body = new BodyStream(Duration.ofMillis(200), "blob sha256:ab12…");
        Demand demand = new Demand();
        body.onSubscribe(demand);
        body.onNext(batch("part"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> body.readAllBytes()).isInstanceOf(SocketTimeoutException.class)
                .hasMessage("blob sha256:ab12…: no data for 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(demand.cancelled).as("the connection is given up").isTrue();
    }

    @Test
    void aFailedBodyFailsTheRead() {
        BodyStream body = new BodyStream(Duration.ofSeconds(5), "blob x");
        body.onSubscribe(new Demand());
        body.onError(new IOException("connection reset"));
        assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasMessage("connection reset");
    }

    @Test
    void closingEarlyCancels() {
        BodyStream body = new BodyStream(Duration.ofSeconds(5), "blob x");
        Demand demand = new Demand();
        body.onSubscribe(demand);
        body.close();
        assertThat(demand.cancelled).isTrue();
        assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }
}
