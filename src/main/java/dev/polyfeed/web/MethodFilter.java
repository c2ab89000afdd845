package dev.polyfeed.web;

import java.util.Optional;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Polyfeed only reads: every method but GET and HEAD, on any path, is 405 with {@code Allow}. */
public class MethodFilter {

    static final String ALLOWED = HttpMethod.GET + ", " + HttpMethod.HEAD;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> onlyGetAndHead(ContainerRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, ALLOWED)
                .type(Responses.TEXT)
                .entity("Polyfeed serves feeds read-only: use GET or HEAD.\n")
                .build());
    }
}
