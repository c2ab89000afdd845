package dev.polyfeed.web;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.polyfeed.address.Address;
import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.publish.Publication;
import dev.polyfeed.publish.PublicationStore;
import dev.polyfeed.publish.Representation;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers GET and HEAD on the canonical path of a document (the URLs feeds, OPML and discovery links
 * give, so nearly every request a reader or aggregator makes) straight on the event loop, before the
 * JAX-RS layer: a map lookup, a few headers, bytes that are already rendered and compressed. A request
 * whose URI holds characters a URI may not (as browsers send {@code |} in a path) is redirected to its
 * percent-encoded form, which the rest can read. Any method but GET and HEAD, on any path, is 405 here, on
 * the public port and on the management interface (health) alike. Anything else (other spellings,
 * redirects, 404s) goes on to {@link SiteResource}.
 */
@ApplicationScoped
class DocumentRoute {

    /** Ahead of Quarkus REST's own route, which has the default order. */
    static final int ORDER = -100;


    private final PublicationStore store;
    private final Responses.Caching caching;
    private final ServingMetrics metrics;
    private final ServerDate date;

    DocumentRoute(PublicationStore store, PolyfeedConfig config, ServingMetrics metrics, ServerDate date) {
        this.store = store;
        this.caching = Responses.Caching.of(config.http());
        this.metrics = metrics;
        this.date = date;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::serve);
    }

    /** Health, on the management interface's own port, is read and never written either. */
    void installOnManagement(@Observes ManagementInterface management) {
        management.router().route().order(ORDER).handler(context -> {
            context.response().putHeader(ServerDate.DATE, date.now());
            HttpMethod method = context.request().method();
            if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
                Responses.methodNotAllowed().send(context.request(), metrics);
            } else {
                context.next();
            }
        });
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        // first, so that every answer has it, whichever route sends it (JAX-RS's and Quarkus's own too)
        ServerDate.Stamp now = date.stamp();
        request.response().putHeader(ServerDate.DATE, now.value());
        String uri = request.uri();
        String encoded = RequestUris.encoded(uri);
        if (!encoded.equals(uri)) {
            // browsers send '|', '^' and '[' in paths as they are, which no URI parser after this accepts
            Responses.movedTo(encoded).send(request, metrics);
            return;
        }
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            // every path, health and the rest of /q/ included: nothing here takes writes
            Responses.methodNotAllowed().send(request, metrics);
            return;
        }
        // one publication for the whole request, even if a reload swaps another in meanwhile
        Publication publication = store.current();
        String path = request.path();
        Optional<Address> address = publication.addressAt(path);
        if (address.isEmpty()) {
            context.next();
            return;
        }
        boolean negotiated = publication.hasView(address.get());
        Function<CharSequence, String> header = request::getHeader; // one object for the whole request
        boolean view = Responses.wantsView(negotiated, header);
        DocumentKind kind = DocumentKind.of(address.get(), view);
        Optional<Representation> cached = publication.cached(path, view);
        if (cached.isPresent()) {
            Responses.document(kind, cached.get(), negotiated, header, caching, now.second()).send(request, metrics);
            return;
        }
        // a document's first request renders and compresses it: real work, off the event loop
        context.vertx().executeBlocking(() -> publication.find(path, view).orElseThrow(), false)
                .onSuccess(document -> Responses.document(kind, document, negotiated, header, caching, now.second())
                        .send(request, metrics))
                .onFailure(failure -> Responses.unrendered(failure, kind).ifPresentOrElse(
                        reply -> reply.send(request, metrics), () -> context.fail(failure)));
    }
}
