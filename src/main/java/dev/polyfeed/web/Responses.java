package dev.polyfeed.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.polyfeed.content.Urls;
import dev.polyfeed.publish.Representation;

/** The HTTP side of serving a pre-rendered document: validators, 304s, plain-text 404s. */
final class Responses {

    static final String TEXT = "text/plain; charset=utf-8";

    private Responses() {
    }

    /** The document, or 304 when the client's copy is current (If-None-Match wins, as RFC 9110 says). */
    static Response document(Representation document, HttpHeaders headers) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean current;
        if (ifNoneMatch != null) {
            current = matches(ifNoneMatch, document.etag());
        } else {
            current = notModifiedSince(headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), document.lastModified());
        }
        Response.ResponseBuilder response = current ? Response.notModified() : Response.ok(document.body(), document.mediaType());
        return response.header(HttpHeaders.ETAG, document.etag())
                .header(HttpHeaders.LAST_MODIFIED, Date.from(document.lastModified()))
                .build();
    }

    static Response notFound(String reason) {
        return Response.status(Response.Status.NOT_FOUND).type(TEXT).entity(reason + "\n").build();
    }

    static Response movedTo(String path) {
        return Response.status(Response.Status.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, Urls.toAscii(path)).build();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(candidate -> candidate.startsWith("W/") ? candidate.substring(2) : candidate)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(etag));
    }

    private static boolean notModifiedSince(String ifModifiedSince, Instant lastModified) {
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC).toInstant();
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
