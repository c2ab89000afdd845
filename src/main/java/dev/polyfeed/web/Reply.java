package dev.polyfeed.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.Response;

import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * One HTTP answer as {@link Responses} decided it: status, headers in order, body. The two routes that
 * serve (the Vert.x route and the JAX-RS resource) only copy it onto their response, so a header is
 * decided in one place whichever route matched; and copying it is where it is counted, so every answer
 * is counted once, whichever route sent it.
 *
 * @param body the bytes, or null for none (a 304, a redirect)
 * @param kind what was asked for, as metrics tag it
 * @param gzip whether the body is gzip'd
 */
record Reply(int status, List<Header> headers, byte[] body, DocumentKind kind, boolean gzip) {

    /**
     * A header as decided, held as Vert.x writes it: Netty's {@code AsciiString}, whose hash is computed
     * once and whose bytes are copied as they are. Sent as plain strings, each header's name was hashed
     * character by character and its value encoded again on every request. Headers are ASCII (values are
     * encoded before they get here), as Vert.x would write them anyway.
     */
    record Header(CharSequence name, CharSequence value) {

        Header {
            name = ascii(name);
            value = ascii(value);
        }

        private static CharSequence ascii(CharSequence text) {
            return text instanceof AsciiString ascii ? ascii : new AsciiString(text);
        }
    }

    /** As the other headers are spelled; Vert.x's own constant is in lower case. */
    private static final CharSequence CONTENT_LENGTH = HttpHeaders.createOptimized("Content-Length");

    Reply {
        headers = List.copyOf(headers);
    }

    static Reply text(int status, String text, List<Header> headers, DocumentKind kind) {
        return new Reply(status, headers, (text + "\n").getBytes(StandardCharsets.UTF_8), kind, false);
    }

    /**
     * For the JAX-RS resource.
     *
     * @param head whether the request is HEAD, whose answer has no body
     */
    Response toResponse(ServingMetrics metrics, boolean head) {
        metrics.sent(this, head);
        Response.ResponseBuilder response = Response.status(status);
        headers.forEach(header -> response.header(header.name().toString(), header.value().toString()));
        return body == null ? response.build() : response.entity(body).build();
    }

    /** For the Vert.x route; the bytes are wrapped, not copied, and HEAD gets the length GET would have. */
    void send(HttpServerRequest request, ServingMetrics metrics) {
        metrics.sent(this, request.method() == HttpMethod.HEAD);
        HttpServerResponse response = request.response();
        response.setStatusCode(status);
        // by index: an immutable list's iterator would be one more object per request; added, not put,
        // since a name may come more than once (a feed's two Link fields)
        MultiMap fields = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            Header header = headers.get(i);
            fields.add(header.name(), header.value());
        }
        if (body == null) {
            response.end();
            return;
        }
        response.putHeader(CONTENT_LENGTH, String.valueOf(body.length));
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(body)));
    }
}
