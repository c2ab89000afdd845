package dev.polyfeed.publish;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import jakarta.inject.Singleton;

import dev.polyfeed.address.FeedFormat;
import dev.polyfeed.content.Severity;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The publication's meters, read when metrics are scraped, never counted on a request: what the current
 * publication holds (posts, feeds, documents, problems), lookups of rendered documents (hit or miss),
 * and how long each load of the content took. Quarkus binds every {@link MeterBinder} bean to its
 * registry; with Micrometer disabled, nothing is bound and nothing is counted but the store's adders.
 */
@Singleton
public class PublicationMetrics implements MeterBinder {

    private final PublicationStore store;

    PublicationMetrics(PublicationStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "polyfeed.publication.posts", "Posts of the publication being served",
                publication -> publication.catalog().posts().size());
        // as the startup log counts them: each feed once per format, each a URL to subscribe to
        gauge(registry, "polyfeed.publication.feeds", "Feeds of the publication being served, one per format",
                publication -> publication.feeds().size() * FeedFormat.values().length);
        gauge(registry, "polyfeed.publication.documents",
                "Documents of the publication being served: feeds, archives, pages, OPML, assets",
                Publication::documentCount);
        for (Severity severity : Severity.values()) {
            Gauge.builder("polyfeed.publication.problems", store,
                    s -> s.loaded().map(publication -> (double) publication.problems().count(severity)).orElse(Double.NaN))
                    .description("Problems found in the content being served (errors are files skipped)")
                    .tag("severity", severity.name().toLowerCase(java.util.Locale.ROOT))
                    .strongReference(true)
                    .register(registry);
        }

        PublishingStats stats = store.stats();
        FunctionCounter.builder("polyfeed.cache.lookups", stats, PublishingStats::hits)
                .description("Lookups of rendered documents; a miss renders the document or waits for its render")
                .tag("result", "hit").register(registry);
        FunctionCounter.builder("polyfeed.cache.lookups", stats, PublishingStats::misses)
                .description("Lookups of rendered documents; a miss renders the document or waits for its render")
                .tag("result", "miss").register(registry);
        for (PublishingStats.Trigger trigger : PublishingStats.Trigger.values()) {
            for (PublishingStats.Outcome outcome : PublishingStats.Outcome.values()) {
                FunctionTimer.builder("polyfeed.content.loads", stats, s -> s.loads(trigger, outcome),
                        s -> s.loadNanos(trigger, outcome), TimeUnit.NANOSECONDS)
                        .description("Loads of the content folder, from reading it to serving its publication")
                        .tag("trigger", trigger.name().toLowerCase(java.util.Locale.ROOT))
                        .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                        .register(registry);
            }
        }
    }

    /** A gauge of the publication being served; none before the first load. */
    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Publication> value) {
        Gauge.builder(name, store, s -> s.loaded().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .strongReference(true)
                .register(registry);
    }
}
