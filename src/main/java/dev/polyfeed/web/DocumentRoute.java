package dev.polyfeed.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.publish.Publication;
import dev.polyfeed.publish.PublicationStore;
import dev.polyfeed.publish.RenderGate;
import dev.polyfeed.publish.Representation;
import io.netty.buffer.Unpooled;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers GET and HEAD on the canonical path of a document (the URLs feeds, OPML and discovery links
 * give, so nearly every request a reader or aggregator makes) straight on the event loop, before the
 * JAX-RS layer: a map lookup, a few headers, bytes that are already rendered and compressed. A request
 * whose URI holds characters a URI may not (as browsers send {@code |} in a path) is redirected to its
 * percent-encoded form, which the rest can read. Anything else (other spellings, redirects, 404s, other
 * methods) goes on to {@link SiteResource}.
 */
@ApplicationScoped
class DocumentRoute {

    /** Ahead of Quarkus REST's own route, which has the default order. */
    static final int ORDER = -100;

    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    private static final CharSequence ANY = HttpHeaders.createOptimized("*");
    private static final CharSequence EXPOSED = HttpHeaders.createOptimized(Responses.EXPOSED);
    private static final CharSequence ALLOW_ORIGIN = HttpHeaders.createOptimized(Responses.ALLOW_ORIGIN);
    private static final CharSequence EXPOSE_HEADERS = HttpHeaders.createOptimized(Responses.EXPOSE_HEADERS);

    private final PublicationStore store;
    private final Responses.Caching caching;

    DocumentRoute(PublicationStore store, PolyfeedConfig config) {
        this.store = store;
        this.caching = Responses.Caching.of(config.http());
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        String encoded = RequestUris.encoded(uri);
        if (!encoded.equals(uri)) {
            // browsers send '|', '^' and '[' in paths as they are, which no URI parser after this accepts
            context.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, encoded)
                    .putHeader(ALLOW_ORIGIN, ANY).end();
            return;
        }
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            context.next();
            return;
        }
        // one publication for the whole request, even if a reload swaps another in meanwhile
        Publication publication = store.current();
        String path = request.path();
        if (!publication.exists(path)) {
            context.next();
            return;
        }
        Optional<Representation> cached = publication.cached(path);
        if (cached.isPresent()) {
            send(cached.get(), request, context.response());
            return;
        }
        // a document's first request renders and compresses it: real work, off the event loop
        context.vertx().executeBlocking(() -> publication.find(path).orElseThrow(), false)
                .onSuccess(document -> send(document, request, context.response()))
                .onFailure(failure -> {
                    if (failure instanceof RenderGate.Busy) {
                        context.response().setStatusCode(503).putHeader(HttpHeaders.RETRY_AFTER, Responses.RETRY_AFTER_SECONDS)
                                .putHeader(ALLOW_ORIGIN, ANY).putHeader(HttpHeaders.CONTENT_TYPE, Responses.TEXT)
                                .end(Responses.BUSY + "\n");
                    } else {
                        context.fail(failure);
                    }
                });
    }

    private void send(Representation document, HttpServerRequest request, HttpServerResponse response) {
        Responses.Answer answer = Responses.answer(document, request::getHeader, caching);
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.ETAG, answer.etag())
                .set(HttpHeaders.LAST_MODIFIED, answer.lastModified())
                .set(HttpHeaders.CACHE_CONTROL, answer.cacheControl())
                .set(HttpHeaders.VARY, answer.vary())
                .set(ALLOW_ORIGIN, ANY)
                .set(EXPOSE_HEADERS, EXPOSED);
        if (answer.notModified()) {
            response.setStatusCode(304).end();
            return;
        }
        headers.set(HttpHeaders.CONTENT_TYPE, answer.contentType());
        if (answer.gzip()) {
            headers.set(HttpHeaders.CONTENT_ENCODING, GZIP);
        }
        // set here so that HEAD, which has no body to count, gets the length GET would have
        headers.set(HttpHeaders.CONTENT_LENGTH, String.valueOf(answer.body().length));
        // wrapped, not copied: the bytes are never changed once rendered
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(answer.body())));
    }
}
