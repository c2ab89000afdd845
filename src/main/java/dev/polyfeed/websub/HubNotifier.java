package dev.polyfeed.websub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.publish.Publication;
import dev.polyfeed.publish.Published;

/**
 * Tells the WebSub hub ({@code polyfeed.websub.hub}) which feeds a reload changed, so that it pushes
 * them to their subscribers: a {@code hub.mode=publish} request naming their URLs, in batches of
 * {@code polyfeed.websub.batch-size}, each sent again after {@code polyfeed.websub.retry-backoff}, 5 and
 * 25 times that when the hub cannot be reached or answers other than 2xx.
 *
 * <p>Nothing here runs on a request or a reload: what changed is worked out, and the hub asked, on one
 * daemon thread of its own. Publications that arrive while it works are taken together: the newest is
 * compared with the last one compared, which names every feed changed in between. Without a hub this
 * does nothing at all.
 */
@ApplicationScoped
@Startup // made at startup, so that a batch size below 1 stops it rather than the first reload
public class HubNotifier {

    private static final Logger LOG = Logger.getLogger(HubNotifier.class);

    private final Optional<URI> hub;
    private final int feedSize;
    private final int batchSize;
    private final Duration backoff;
    private final Duration timeout;
    private final ScheduledExecutorService worker;
    private final HttpClient client;
    /** The newest publication not yet compared. */
    private final AtomicReference<Publication> pending = new AtomicReference<>();
    private boolean first = true;
    /** Publish requests the hub took (2xx), by batch, and the feed URLs they named. */
    private final LongAdder accepted = new LongAdder();
    private final LongAdder acceptedUrls = new LongAdder();
    /** Publish requests that failed and are sent again later. */
    private final LongAdder retried = new LongAdder();
    /** Batches dropped after every retry failed. */
    private final LongAdder givenUp = new LongAdder();
    /** The feeds as last compared (the hub was asked to fetch those that changed); only the worker touches it. */
    private FeedFingerprints notified;

    HubNotifier(PolyfeedConfig config) {
        PolyfeedConfig.Websub websub = config.websub();
        this.hub = websub.hub().map(HubNotifier::uri);
        this.feedSize = config.feedSize();
        this.batchSize = websub.batchSize();
        PublishRequests.batches(List.of(), batchSize); // a batch size below 1 stops startup
        this.backoff = websub.retryBackoff();
        this.timeout = websub.timeout();
        if (hub.isPresent()) {
            worker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "polyfeed-websub");
                thread.setDaemon(true);
                return thread;
            });
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        } else {
            worker = null;
            client = null;
        }
    }

    private static URI uri(String hub) {
        try {
            return URI.create(hub);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("polyfeed.websub.hub must be an absolute URL, not " + hub, e);
        }
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /**
     * A publication is being served from now on: the hub hears of the feeds it changed. Returns at once
     * and never throws: the reload that calls it must not fail for the hub's sake.
     */
    void onPublished(@Observes Published event) {
        published(event.publication());
    }

    public synchronized void published(Publication publication) {
        if (worker == null) {
            return;
        }
        try {
            if (first) {
                // The first publication (startup) is what later reloads are compared with, not a change:
                // what subscribers last fetched was served by the process before this one, which this one
                // cannot know, and telling the hub of every feed on each restart would make it fetch them
                // all, for nothing in the usual restart with the same content.
                first = false;
                worker.execute(() -> {
                    try {
                        notified = FeedFingerprints.of(publication, feedSize);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "WebSub: cannot digest the feeds; the next reload is compared with nothing");
                    }
                });
            } else if (pending.getAndSet(publication) == null) {
                worker.execute(this::compare);
            }
        } catch (RejectedExecutionException stopping) {
            // shutting down: nobody is told any more
        } catch (RuntimeException e) {
            LOG.errorf(e, "WebSub: the hub %s is not told of this reload", hub.orElseThrow());
        }
    }

    private void compare() {
        Publication publication = pending.getAndSet(null);
        try {
            FeedFingerprints now = FeedFingerprints.of(publication, feedSize);
            // without a first digest (it failed) this one becomes the first: nothing known to compare with
            List<String> changed = notified == null ? List.of() : now.changedSince(notified);
            notified = now;
            for (List<String> batch : PublishRequests.batches(changed, batchSize)) {
                send(batch, 0);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "WebSub: cannot work out which feeds changed; the hub %s is not told", hub.orElseThrow());
        }
    }

    /** Sends one batch; a failure is sent again later, on this thread, without holding it meanwhile. */
    private void send(List<String> batch, int retry) {
        URI to = hub.orElseThrow();
        String outcome;
        try {
            HttpRequest request = HttpRequest.newBuilder(to).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(PublishRequests.form(batch))).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                accepted.increment();
                acceptedUrls.add(batch.size());
                LOG.infof("WebSub: told %s that %d feed URLs changed: HTTP %d", to, batch.size(), status);
                return;
            }
            outcome = "HTTP " + status;
        } catch (IOException | RuntimeException e) { // RuntimeException: a hub URL HTTP cannot reach (ftp:)
            outcome = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down
            return;
        }
        if (retry < PublishRequests.RETRIES) {
            retried.increment();
            Duration wait = PublishRequests.backoff(backoff, retry);
            LOG.infof("WebSub: telling %s that %d feed URLs changed failed (%s); trying again in %d ms", to,
                    batch.size(), outcome, wait.toMillis());
            try {
                worker.schedule(() -> send(batch, retry + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // shutting down
            }
        } else {
            givenUp.increment();
            LOG.warnf("WebSub: telling %s that %d feed URLs changed failed %d times, the last with %s; given up,"
                    + " so their subscribers see the change when they next poll: %s", to, batch.size(), retry + 1, outcome,
                    batch);
        }
    }

    /** Publish requests the hub took: each a batch of changed feed URLs. For metrics. */
    public long accepted() {
        return accepted.sum();
    }

    /** Feed URLs named in publish requests the hub took. For metrics. */
    public long acceptedUrls() {
        return acceptedUrls.sum();
    }

    /** Publish requests that failed (no answer, or not 2xx) and were sent again later. For metrics. */
    public long retried() {
        return retried.sum();
    }

    /** Batches given up after every retry failed: their subscribers see the change when they next poll. For metrics. */
    public long givenUp() {
        return givenUp.sum();
    }
}
