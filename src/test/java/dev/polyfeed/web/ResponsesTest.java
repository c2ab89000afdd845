package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accept-Encoding as clients really send it, and as RFC 9110 section 12.5.3 lets them. */
class ResponsesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gzip                      | true",
            "GZIP                      | true",
            "gzip, deflate, br, zstd   | true",
            "deflate,gzip              | true",
            "br ,\tgzip                | true",
            "x-gzip                    | true",
            "br                        | false",
            "identity                  | false",
            "gzipped                   | false",
            "nogzip, br                | false",
            "''                        | false",
            "gzip;q=0                  | false",
            "gzip; q=0.5, br           | true",
            "br;q=1.0, gzip;q=0        | false",
            "*                         | true",
            "*;q=0                     | false",
            "*, gzip;q=0               | false",
            "gzip;q=not-a-number       | false",
    })
    void gzipIsSentWhenTheClientAcceptsIt(String acceptEncoding, boolean gzip) {
        assertEquals(gzip, Responses.acceptsGzip(acceptEncoding), acceptEncoding);
    }
}
