package dev.polyfeed.web;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.publish.Publication;
import dev.polyfeed.publish.PublicationStore;
import dev.polyfeed.publish.Representation;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Every URL that is not a document's canonical path (those {@link DocumentRoute} answers before this
 * resource is reached): the {@link Router} finds what it names, with redirects to canonical spellings
 * and 404s that say why. One request works against one publication, even if a reload swaps in another
 * meanwhile.
 */
@Path("/")
public class SiteResource {

    private final PublicationStore store;
    private final Responses.Caching caching;
    private final ServingMetrics metrics;
    private final ServerDate date;

    SiteResource(PublicationStore store, PolyfeedConfig config, ServingMetrics metrics, ServerDate date) {
        this.store = store;
        this.caching = Responses.Caching.of(config.http());
        this.metrics = metrics;
        this.date = date;
    }

    @GET
    @NonBlocking
    @Path("{path: .+}")
    public Uni<Response> any(@Context HttpServerRequest request, @Context HttpHeaders headers) {
        Publication publication = store.current();
        // JAX-RS answers HEAD with this GET method, and sends no body
        boolean head = request.method() == HttpMethod.HEAD;
        // decoded here, once: the JAX-RS path segments decode "%25zz" twice and fail on it
        Optional<List<String>> segments = RequestUris.segments(request.path());
        if (segments.isEmpty()) {
            return Uni.createFrom().item(Responses.badRequest("The path's percent-encoding is not UTF-8.").toResponse(metrics, head));
        }
        // "/tr/rss.xml/" is the feed, but its relative links would resolve a folder too deep: one address
        boolean trailingSlash = request.path().length() > 1 && request.path().endsWith("/");
        return serve(publication, segments.get(), headers, trailingSlash, head, date.secondOf(request.response()));
    }

    /**
     * Runs on the event loop: a rendered document is only bytes to pick. A document's first request
     * renders and compresses it, which is real work, so that one request moves to a worker thread.
     */
    /** @param answeredAt the second the answer's {@code Date} names, which no {@code Last-Modified} may pass */
    private Uni<Response> serve(Publication publication, List<String> segments, HttpHeaders headers,
            boolean trailingSlash, boolean head, long answeredAt) {
        // images beside a generator site's post; read from disk, so off the event loop
        Optional<BundleFiles.Located> file = trailingSlash ? Optional.empty()
                : BundleFiles.locate(publication.catalog(), segments);
        if (file.isPresent()) {
            return Uni.createFrom().item(() -> BundleFiles.read(file.get(), byName(headers), answeredAt).map(reply -> reply.toResponse(metrics, head))
                    .orElseGet(() -> Responses.notFound("No file '" + dev.polyfeed.address.AddressParser.quoted(segments.get(segments.size() - 1))
                            + "' beside this post.").toResponse(metrics, head)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }

        Router.Route route = new Router(publication).route(segments);
        if (route instanceof Router.Found found) {
            return trailingSlash ? Uni.createFrom().item(Responses.movedTo(found.path()).toResponse(metrics, head))
                    : document(publication, found, headers, head, answeredAt);
        }
        if (route instanceof Router.File site && !trailingSlash) {
            // the site's own file, listed when it was read; read from disk, so off the event loop
            return Uni.createFrom().item(() -> BundleFiles.read(site.file().root(), site.file().file(), site.file().type(),
                    byName(headers), answeredAt).orElseGet(() -> Responses.notFound("Nothing at this path any more."))
                    .toResponse(metrics, head)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        if (route instanceof Router.Moved moved) {
            return Uni.createFrom().item(Responses.movedTo(moved.canonicalPath()).toResponse(metrics, head));
        }
        String reason = route instanceof Router.Missing missing ? missing.reason() : "No file at a folder's path.";
        return Uni.createFrom().item(Responses.notFound(reason).toResponse(metrics, head));
    }

    private Uni<Response> document(Publication publication, Router.Found found, HttpHeaders headers, boolean head,
            long answeredAt) {
        String path = found.path();
        boolean negotiated = publication.hasView(found.address());
        java.util.function.Function<CharSequence, String> header = byName(headers);
        boolean view = Responses.wantsView(negotiated, header);
        DocumentKind kind = DocumentKind.of(found.address(), view);
        Optional<Representation> cached = publication.cached(path, view);
        if (cached.isPresent()) {
            return Uni.createFrom().item(Responses.document(kind, cached.get(), negotiated, header, caching, answeredAt)
                    .toResponse(metrics, head));
        }
        return Uni.createFrom()
                .item(() -> Responses.document(kind, publication.find(path, view).orElseThrow(), negotiated,
                        header, caching, answeredAt).toResponse(metrics, head))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(failure -> Responses.unrendered(failure, kind).isPresent())
                .recoverWithItem(failure -> Responses.unrendered(failure, kind).orElseThrow().toResponse(metrics, head));
    }

    /** The request's headers as {@link Responses} reads them: by name, whatever its case. */
    private static java.util.function.Function<CharSequence, String> byName(HttpHeaders headers) {
        return name -> headers.getHeaderString(name.toString());
    }
}
