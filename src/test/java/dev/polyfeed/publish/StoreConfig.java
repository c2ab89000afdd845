package dev.polyfeed.publish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.polyfeed.config.PolyfeedConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The real configuration mapping with its defaults, for a store made in a plain test without Quarkus. */
final class StoreConfig {

    private StoreConfig() {
    }

    /**
     * Serving {@code content} at {@code https://example.org}, no SIGHUP handler (a test JVM has one
     * process for all of them), the body check after an hour (no test outlasts it), and {@code more};
     * durations read as Quarkus reads them ({@code "2s"}).
     */
    static PolyfeedConfig of(Path content, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("polyfeed.content-dir", content.toString(),
                "polyfeed.base-url", "https://example.org", "polyfeed.reload-on-sighup", "false",
                "polyfeed.render.check-delay", "1h"));
        values.putAll(more);
        return new SmallRyeConfigBuilder().withMapping(PolyfeedConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValues(values)
                .build().getConfigMapping(PolyfeedConfig.class);
    }
}
