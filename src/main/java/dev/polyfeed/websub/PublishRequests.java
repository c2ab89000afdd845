package dev.polyfeed.websub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a publish request to a WebSub hub says, and how often it is sent: pure, so that what the hub is
 * told is tested without one.
 */
final class PublishRequests {

    /** Times a failed request is sent again before it is given up. */
    static final int RETRIES = 3;
    /** Each wait before sending again is this many times the one before. */
    static final int BACKOFF_FACTOR = 5;

    private PublishRequests() {
    }

    /** The URLs in requests of at most {@code size} each, in order. */
    static List<List<String>> batches(List<String> urls, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("polyfeed.websub.batch-size must be at least 1, not " + size);
        }
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < urls.size(); from += size) {
            batches.add(List.copyOf(urls.subList(from, Math.min(urls.size(), from + size))));
        }
        return batches;
    }

    /**
     * The body of a publish request, {@code application/x-www-form-urlencoded}: {@code hub.mode=publish}
     * and one {@code hub.url} per feed, repeated, as Google's hub and Superfeedr take several.
     */
    static String form(List<String> urls) {
        StringBuilder form = new StringBuilder("hub.mode=publish");
        for (String url : urls) {
            form.append("&hub.url=").append(URLEncoder.encode(url, StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    /** How long to wait before retry {@code n} (0 is the first): the base, then 5 and 25 times it. */
    static Duration backoff(Duration base, int retry) {
        long factor = 1;
        for (int i = 0; i < retry; i++) {
            factor *= BACKOFF_FACTOR;
        }
        return base.multipliedBy(factor);
    }
}
