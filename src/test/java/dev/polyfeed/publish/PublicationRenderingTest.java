package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.polyfeed.address.Address;
import dev.polyfeed.content.ContentLoader;

/**
 * Documents rendered on demand: a document asked for by many requests at once is rendered once, renders
 * of different documents are bounded, and a retired publication keeps nothing.
 */
class PublicationRenderingTest {

    private static final Address A = Address.HOME;
    private static final Address B = Address.FEED_LIST;
    private static final ContentLoader.Result EMPTY = new ContentLoader(Address::postPath).load(Path.of("src/test/resources/empty-content"),
            Optional.of("https://example.org"));

    private static Representation slowly(AtomicInteger renders, CountDownLatch release) {
        renders.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Representation.of(Representation.Kind.CURRENT, "x".getBytes(StandardCharsets.UTF_8), "text/plain",
                Instant.EPOCH);
    }

    @Test
    void concurrentFirstRequestsForOneDocumentRenderItOnce() throws Exception {
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Map<Address, Supplier<Representation>> documents = Map.of(A, () -> slowly(renders, release));
        Publication publication = new Publication(EMPTY, List.of(), documents, Map.of(), 1 << 20,
                new RenderGate(4, Duration.ofSeconds(10)));
        ExecutorService requests = Executors.newFixedThreadPool(8);
        List<Future<Optional<Representation>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(requests.submit(() -> publication.find(A.path())));
        }
        Thread.sleep(200);
        release.countDown();
        for (Future<Optional<Representation>> answer : answers) {
            assertTrue(answer.get().isPresent());
        }
        requests.shutdown();
        assertEquals(1, renders.get());
    }

    @Test
    void whenEveryRenderIsBusyARequestIsToldToComeBack() throws Exception {
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Map<Address, Supplier<Representation>> documents = Map.of(A, () -> slowly(renders, release),
                B, () -> slowly(renders, release));
        Publication publication = new Publication(EMPTY, List.of(), documents, Map.of(), 1 << 20,
                new RenderGate(1, Duration.ofMillis(100)));
        ExecutorService requests = Executors.newSingleThreadExecutor();
        Future<Optional<Representation>> first = requests.submit(() -> publication.find(A.path()));
        while (renders.get() == 0) {
            Thread.sleep(10);
        }
        assertThrows(RenderGate.Busy.class, () -> publication.find(B.path()));
        release.countDown();
        assertTrue(first.get().isPresent());
        assertTrue(publication.find(B.path()).isPresent(), "a free render serves the next request");
        requests.shutdown();
    }

    @Test
    void aRetiredPublicationKeepsNoRenderedDocument() {
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(0);
        Publication publication = new Publication(EMPTY, List.of(), Map.of(A, () -> slowly(renders, released)), Map.of(),
                1 << 20, RenderGate.unbounded());
        publication.find(A.path());
        assertTrue(publication.cached(A.path()).isPresent());
        publication.retire();
        assertTrue(publication.cached(A.path()).isEmpty());
        publication.find(A.path());
        assertTrue(publication.cached(A.path()).isEmpty(), "what it renders for requests in flight is not kept");
        assertEquals(2, renders.get());
    }
}
