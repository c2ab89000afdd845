package dev.polyfeed.websub;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What the hub was told, for metrics: publish requests by outcome, and the feed URLs the hub took. Read
 * from {@link HubNotifier}'s adders when scraped; all 0 without a hub.
 */
@Singleton
public class WebSubMetrics implements MeterBinder {

    private final HubNotifier notifier;

    WebSubMetrics(HubNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String description = "WebSub publish requests to the hub: accepted (2xx), retried (failed, sent again later),"
                + " given-up (failed after every retry)";
        FunctionCounter.builder("polyfeed.websub.requests", notifier, HubNotifier::accepted)
                .description(description).tag("outcome", "accepted").register(registry);
        FunctionCounter.builder("polyfeed.websub.requests", notifier, HubNotifier::retried)
                .description(description).tag("outcome", "retried").register(registry);
        FunctionCounter.builder("polyfeed.websub.requests", notifier, HubNotifier::givenUp)
                .description(description).tag("outcome", "given-up").register(registry);
        FunctionCounter.builder("polyfeed.websub.feeds.notified", notifier, HubNotifier::acceptedUrls)
                .description("Feed URLs named in publish requests the hub accepted").register(registry);
    }
}
