package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2025-01-30,                    2025-01-30T00:00:00Z",
            "2025-01-30T10:15,              2025-01-30T10:15:00Z",
            "2025-01-30T10:15:30,           2025-01-30T10:15:30Z",
            "2025-01-30 10:15:30,           2025-01-30T10:15:30Z",
            "2025-01-30T10:15:30Z,          2025-01-30T10:15:30Z",
            "2025-01-30T10:15:30+03:00,     2025-01-30T07:15:30Z",
            "2025-01-30 10:15:30 +0530,     2025-01-30T04:45:30Z",
            "2025-01-30T10:15:30.250-02:00, 2025-01-30T12:15:30.250Z",
            "2013-11-22 5:00:00 +0000,      2013-11-22T05:00:00Z",
            "2013-11-22 05:00:00 +0000,     2013-11-22T05:00:00Z",
    })
    void readsTheFormsAuthorsWriteAndTakesUtcWhenNoZoneIsGiven(String text, String expected) {
        assertEquals(Instant.parse(expected), PostDates.parse(text).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "30/01/2025", "yesterday", "2025-13-01", "2025-01-30T25:00", "2025-01-30 5:0"})
    void rejectsWhatIsNotADay(String text) {
        assertTrue(PostDates.parse(text).isEmpty(), text);
    }

    @Test
    void fileNamePrefix() {
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), PostDates.fromFileName("2024-03-01-merhaba").orElseThrow());
        assertEquals("merhaba", PostDates.withoutDatePrefix("2024-03-01-merhaba"));
        assertTrue(PostDates.fromFileName("merhaba").isEmpty());
        assertEquals("2024-13-01-x", PostDates.withoutDatePrefix("2024-13-01-x"));
    }
}
