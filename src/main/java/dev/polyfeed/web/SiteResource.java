package dev.polyfeed.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.publish.PublicationStore;

/**
 * Every URL Polyfeed serves, through one method: the {@link Router} finds the document, and
 * {@link Responses} turns it into HTTP.
 */
@Path("/")
public class SiteResource {

    private final PublicationStore store;
    private final PolyfeedConfig config;

    SiteResource(PublicationStore store, PolyfeedConfig config) {
        this.store = store;
        this.config = config;
    }

    @GET
    public Response index(@Context HttpHeaders headers) {
        return serve(List.of(), headers);
    }

    @GET
    @Path("{path: .+}")
    public Response any(@Context UriInfo uri, @Context HttpHeaders headers) {
        List<String> segments = uri.getPathSegments(true).stream().map(PathSegment::getPath)
                .filter(segment -> !segment.isEmpty()).toList();
        // A percent-encoded byte sequence that is not UTF-8 decodes to U+FFFD: say so rather than search for it.
        if (segments.stream().anyMatch(segment -> segment.indexOf('\uFFFD') >= 0)) {
            return Responses.badRequest("The path's percent-encoding is not UTF-8.");
        }
        return serve(segments, headers);
    }

    private Response serve(List<String> segments, HttpHeaders headers) {
        Router.Route route = new Router(store.current()).route(segments);
        if (route instanceof Router.Found found) {
            return Responses.document(found.document(), headers, config.http());
        }
        if (route instanceof Router.Moved moved) {
            return Responses.movedTo(moved.canonicalPath());
        }
        return Responses.notFound(((Router.Missing) route).reason());
    }
}
