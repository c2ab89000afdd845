package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.polyfeed.publish.Representation;

/**
 * RFC 9110 section 8.8.2.1: a server with a clock sends no {@code Last-Modified} later than the answer's
 * {@code Date}, and sends that date instead of one ahead of it (a post dated ahead that its site serves at
 * once, a file whose modified time is ahead). Dates are IMF-fixdate, the day with two digits.
 */
class LastModifiedTest {

    /** 15:00:00 on Wednesday 2 December 2026, when the answers here are sent. */
    private static final long ANSWERED = Instant.parse("2026-12-02T15:00:00Z").getEpochSecond();
    private static final Responses.Caching CACHING = new Responses.Caching(
            new Reply.Header("Cache-Control", "public, max-age=300"), new Reply.Header("Cache-Control", "public, max-age=86400"));
    private static final Function<CharSequence, String> NO_HEADERS = name -> null;

    @Test
    void aFeedDatedAheadIsSentAsModifiedWhenItIsAnswered() {
        Representation ahead = feed(Instant.parse("2030-01-01T00:00:00Z"));
        Reply reply = Responses.document(DocumentKind.FEED_CURRENT, ahead, false, NO_HEADERS, CACHING, ANSWERED);
        assertEquals(200, reply.status());
        assertEquals(List.of("Wed, 02 Dec 2026 15:00:00 GMT"), values(reply, "Last-Modified"));
        // a client that revalidates by that date has the bytes it would get
        Reply revalidated = Responses.document(DocumentKind.FEED_CURRENT, ahead, false,
                name -> name.toString().equalsIgnoreCase("If-Modified-Since") ? "Wed, 02 Dec 2026 15:00:00 GMT" : null,
                CACHING, ANSWERED);
        assertEquals(304, revalidated.status());
    }

    @Test
    void aFeedDatedBeforeKeepsItsDate() {
        Reply reply = Responses.document(DocumentKind.FEED_CURRENT, feed(Instant.parse("2025-01-05T10:00:00Z")), false,
                NO_HEADERS, CACHING, ANSWERED);
        assertEquals(List.of("Sun, 05 Jan 2025 10:00:00 GMT"), values(reply, "Last-Modified"));
    }

    /** A file's modified time ahead is sent as the answer's date; one before as it is, the day in two digits. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2031-06-01T00:00:00Z | Wed, 02 Dec 2026 15:00:00 GMT",
            "2025-01-05T10:00:00Z | Sun, 05 Jan 2025 10:00:00 GMT",
    })
    void aFileBesideAPostIsDatedNoLaterThanItsAnswer(String modified, String lastModified, @TempDir Path folder)
            throws IOException {
        Path image = Files.writeString(folder.resolve("image.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        Files.setLastModifiedTime(image, FileTime.from(Instant.parse(modified)));
        Reply reply = BundleFiles.read(folder, image, "image/svg+xml", NO_HEADERS, ANSWERED).orElseThrow();
        assertEquals(List.of(lastModified), values(reply, "Last-Modified"));
    }

    private static Representation feed(Instant lastModified) {
        return Representation.of(Representation.Kind.CURRENT,
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(StandardCharsets.UTF_8),
                "application/atom+xml; charset=utf-8", lastModified);
    }

    private static List<String> values(Reply reply, String name) {
        return reply.headers().stream().filter(header -> header.name().toString().equalsIgnoreCase(name))
                .map(header -> header.value().toString()).toList();
    }
}
