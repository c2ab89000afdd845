package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfeed.address.Address;

/**
 * Posts written ahead are listed from their date on, and expiring ones until they expire, as each
 * layout's own generator publishes them; the catalog says when the next of them comes or goes. Fixtures:
 * {@code src/test/resources/scheduled/} ({@code polyfeed}, {@code hugo}, {@code jekyll} and
 * {@code jekyll-future}, the same Jekyll site with {@code future: true}).
 */
class ScheduledPostsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/scheduled");

    @TempDir
    Path copy;

    /** Loaded as the catalog stands at {@code now}; the clock's zone is not UTC, which must not matter. */
    private static Catalog at(Path root, String now) {
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.ofHours(3));
        return new ContentLoader(new BodyRenderer(new MarkdownRenderer(), 1 << 20), Address::postPath, clock)
                .load(root, Optional.of("https://feeds.example.org")).catalog();
    }

    private static List<String> titles(Catalog catalog) {
        return catalog.posts().stream().map(Post::title).toList();
    }

    private static Optional<Instant> instant(String text) {
        return Optional.of(Instant.parse(text));
    }

    @Test
    void aPostWithADateAheadIsListedFromThatInstantOn() throws IOException {
        Path site = FIXTURES.resolve("polyfeed");
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(site.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        // a post without a date is dated by its file, set ahead of the clock here: it is listed all the same
        Files.setLastModifiedTime(copy.resolve("en/undated-notice.md"), FileTime.from(Instant.parse("2031-01-01T00:00:00Z")));

        Catalog before = at(copy, "2030-01-01T08:59:59Z");
        assertEquals(List.of("A notice without a date", "The spring timetable", "Harbour rules"), titles(before));
        assertEquals(2, before.scheduled());
        // the English and the Turkish post are due at the same instant, 09:00 UTC, 12:00 in Istanbul
        assertEquals(instant("2030-01-01T09:00:00Z"), before.nextListingChange());
        assertFalse(before.tags().stream().anyMatch(tag -> tag.key().equals("pier")), "no tag feed of a post not out");
        assertFalse(before.languages().contains(Language.parse("tr").orElseThrow()), "no Turkish feed before its one post");

        Catalog due = at(copy, "2030-01-01T09:00:00Z");
        assertEquals(List.of("A notice without a date", "The new pier opens", "Yeni iskele açılıyor", "The spring timetable",
                "Harbour rules"), titles(due));
        assertEquals(0, due.scheduled());
        assertTrue(due.tags().stream().anyMatch(tag -> tag.key().equals("pier")));
        // then the update dated ahead of it is the next change
        assertEquals(instant("2030-01-02T00:00:00Z"), due.nextListingChange());
    }

    /**
     * An update dated ahead takes effect at its instant: until then the post shows as published, so that
     * no feed's Last-Modified or Atom {@code updated} is later than now.
     */
    @Test
    void anUpdateDatedAheadCountsFromItsInstantOn() {
        Path site = FIXTURES.resolve("polyfeed");
        Post before = post(at(site, "2030-01-01T23:59:59Z"), "Harbour rules");
        assertEquals(Instant.parse("2029-01-10T00:00:00Z"), before.updated());
        Catalog after = at(site, "2030-01-02T00:00:00Z");
        assertEquals(Instant.parse("2030-01-02T00:00:00Z"), post(after, "Harbour rules").updated());
        assertEquals(Optional.empty(), after.nextListingChange());
    }

    private static Post post(Catalog catalog, String title) {
        return catalog.posts().stream().filter(post -> post.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void hugoListsAPageFromItsPublishDateAndUntilItsExpiryDate() {
        Path site = FIXTURES.resolve("hugo");

        Catalog spring = at(site, "2029-04-01T00:00:00Z");
        assertEquals(List.of("Winter hours"), titles(spring));
        assertEquals(2, spring.scheduled());
        assertEquals(instant("2029-05-01T00:00:00Z"), spring.nextListingChange());

        Catalog summer = at(site, "2029-06-01T00:00:00Z");
        assertEquals(List.of("Summer offer", "Winter hours"), titles(summer));
        // the offer's expiry comes before the new ferry's date
        assertEquals(instant("2029-09-01T00:00:00Z"), summer.nextListingChange());

        Catalog autumn = at(site, "2029-10-01T00:00:00Z");
        assertEquals(List.of("Winter hours"), titles(autumn));
        assertEquals(1, autumn.scheduled());
        assertEquals(2, autumn.unlisted(), "one scheduled, one expired");
        // publishDate, not date, is when Hugo publishes it
        assertEquals(instant("2030-02-01T08:00:00Z"), autumn.nextListingChange());

        Catalog sailed = at(site, "2030-02-01T08:00:00Z");
        assertEquals(List.of("The new ferry", "Winter hours"), titles(sailed));
        assertEquals(Optional.empty(), sailed.nextListingChange());
    }

    @Test
    void jekyllListsFutureDatedPostsOnTheirDayUnlessTheSiteSaysFutureTrue() {
        Catalog waiting = at(FIXTURES.resolve("jekyll"), "2029-12-01T00:00:00Z");
        assertEquals(List.of("The lamp was cleaned"), titles(waiting));
        assertEquals(instant("2030-06-01T00:00:00Z"), waiting.nextListingChange());

        Catalog future = at(FIXTURES.resolve("jekyll-future"), "2029-12-01T00:00:00Z");
        assertEquals(List.of("A new lens", "The lamp was cleaned"), titles(future));
        assertEquals(0, future.scheduled());
        assertEquals(Optional.empty(), future.nextListingChange());
    }
}
