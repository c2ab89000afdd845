package dev.polyfeed.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Counts every answer {@link Reply} copies onto a response: requests by kind of document and status, and
 * body bytes sent by encoding. This is on the path of every request, so its meters are made once, here,
 * and a request only picks its counter from an array by two small numbers and increments it: no tags
 * built, no registry looked up.
 */
@ApplicationScoped
class ServingMetrics {

    static final String REQUESTS = "polyfeed.http.requests";
    static final String SENT = "polyfeed.http.sent";

    /** Every status {@link Responses} answers with; another would be counted too, registered when first seen. */
    private static final int[] STATUSES = { 200, 301, 304, 400, 404, 405, 503 };

    private final MeterRegistry registry;
    /** By kind, then by the status's index in {@link #STATUSES}. */
    private final Counter[][] requests = new Counter[DocumentKind.values().length][STATUSES.length];
    private final Counter identityBytes;
    private final Counter gzipBytes;

    /** @param registries Quarkus's registry, or none when Micrometer is disabled (then nothing is exported) */
    @Inject
    ServingMetrics(Instance<MeterRegistry> registries) {
        this(registries.isResolvable() ? registries.get() : new CompositeMeterRegistry());
    }

    ServingMetrics(MeterRegistry registry) {
        this.registry = registry;
        // the answers each kind can get, so that they are exported (as 0) before the first of them
        for (DocumentKind kind : DocumentKind.values()) {
            switch (kind) {
                case NOT_FOUND -> register(kind, 404);
                case REDIRECT -> register(kind, 301);
                case REJECTED -> {
                    register(kind, 400);
                    register(kind, 405);
                }
                default -> {
                    register(kind, 200);
                    register(kind, 304);
                    register(kind, 503);
                }
            }
        }
        this.identityBytes = bytes("identity");
        this.gzipBytes = bytes("gzip");
    }

    /**
     * One answer sent.
     *
     * @param head whether the request was HEAD, which sends no body
     */
    void sent(Reply reply, boolean head) {
        int status = statusIndex(reply.status());
        Counter counter = status < 0 ? null : requests[reply.kind().ordinal()][status];
        if (counter == null) {
            counter = counter(reply.kind(), reply.status());
            if (status >= 0) {
                requests[reply.kind().ordinal()][status] = counter; // the registry returns the same counter to every racer
            }
        }
        counter.increment();
        byte[] body = reply.body();
        if (body != null && !head) {
            (reply.gzip() ? gzipBytes : identityBytes).increment(body.length);
        }
    }

    private void register(DocumentKind kind, int status) {
        requests[kind.ordinal()][statusIndex(status)] = counter(kind, status);
    }

    private Counter counter(DocumentKind kind, int status) {
        return Counter.builder(REQUESTS)
                .description("Requests answered by Polyfeed, by kind of document and status")
                .tag("kind", kind.tag)
                .tag("status", String.valueOf(status))
                .register(registry);
    }

    private Counter bytes(String encoding) {
        return Counter.builder(SENT)
                .description("Body bytes sent, by content encoding")
                .baseUnit("bytes")
                .tag("encoding", encoding)
                .register(registry);
    }

    private static int statusIndex(int status) {
        return switch (status) {
            case 200 -> 0;
            case 301 -> 1;
            case 304 -> 2;
            case 400 -> 3;
            case 404 -> 4;
            case 405 -> 5;
            case 503 -> 6;
            default -> -1;
        };
    }
}
