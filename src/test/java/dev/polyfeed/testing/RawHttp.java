package dev.polyfeed.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as given (HTTP clients refuse or re-encode the broken paths that
 * scanners send), to the test server on loopback.
 */
public final class RawHttp {

    /** Status code and body of a response. */
    public record Reply(int status, String head, String body) {
    }

    private RawHttp() {
    }

    public static Reply get(int port, String rawPath, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET ").append(rawPath).append(" HTTP/1.1\r\nHost: localhost\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? response : response.substring(0, headEnd);
            String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Reply(status, head, body);
        }
    }
}
