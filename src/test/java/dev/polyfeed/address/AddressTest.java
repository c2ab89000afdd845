package dev.polyfeed.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Tag;
import dev.polyfeed.publish.Publication;
import dev.polyfeed.publish.Publisher;

/**
 * Every address the site has, read back from its own path, and the spellings readers send. Fixture:
 * {@code src/test/resources/fixture-content} (Turkish, Arabic, English and Brazilian Portuguese posts,
 * tags in several scripts, {@code C/C++}, an NFD-spelled tag).
 */
class AddressTest {

    private static final Publication PUBLICATION = Publisher.publish(new ContentLoader(Address::postPath)
            .load(Path.of("src/test/resources/fixture-content"), Optional.of("https://feeds.example.org")), 1,
            Optional.empty(), 1 << 24);
    private static final Catalog CATALOG = PUBLICATION.catalog();
    private static final Language TR = CATALOG.language("tr").orElseThrow();

    @Test
    void everyDocumentIsReadBackFromItsOwnPath() {
        assertTrue(PUBLICATION.addresses().size() > 40, "the fixture has many documents");
        for (Address address : PUBLICATION.addresses()) {
            AddressParser.Parsed parsed = Address.parse(segments(address.path()), CATALOG);
            if (address instanceof Address.ScopePage) {
                // "/tr/" reaches the parser as "tr": a folder's one spelling without the slash is redirected to it
                assertEquals(new AddressParser.Variant(address), parsed, address.path());
            } else {
                assertEquals(new AddressParser.Exact(address), parsed, address.path());
            }
        }
    }

    @Test
    void everyDocumentHasAFileOfItsOwnInAStaticCopy() {
        Set<String> files = new HashSet<>();
        for (Address address : PUBLICATION.addresses()) {
            assertTrue(files.add(address.exportFile()), "two documents would share " + address.exportFile());
        }
    }

    @Test
    void pathsAreEncodedAndFilesAreNot() {
        Address.PostPage page = new Address.PostPage(TR, "çay-saati");
        assertEquals("/tr/posts/%C3%A7ay-saati", page.path());
        assertEquals("tr/posts/çay-saati/index.html", page.exportFile());
        Tag tag = CATALOG.tag("c-c++").orElseThrow();
        Address.FeedDocument archive = new Address.FeedDocument(FeedScope.of(TR, tag), FeedFormat.ATOM, 2);
        assertEquals("/tr/tags/c-c%2B%2B/archive/2/atom.xml", archive.path());
        assertEquals("tr/tags/c-c++/archive/2/atom.xml", archive.exportFile());
        assertEquals("https://feeds.example.org/tr/tags/c-c%2B%2B/atom.xml", archive.current().url(CATALOG.site()));
        assertEquals("/", Address.HOME.path());
        assertEquals("index.html", Address.HOME.exportFile());
        assertEquals("tr/index.html", FeedScope.of(TR).page().exportFile());
        assertEquals("/favicon.ico", Address.ICO_ICON.path());
    }

    @Test
    void theStylesheetIsNamedRelativeToEachFeed() {
        Address stylesheet = Address.STYLESHEET;
        assertEquals("../feed.xsl", stylesheet.relativeFrom(FeedScope.of(TR).in(FeedFormat.RSS)));
        Tag ai = CATALOG.tag("ai").orElseThrow();
        assertEquals("../../../../../feed.xsl",
                stylesheet.relativeFrom(new Address.FeedDocument(FeedScope.of(TR, ai), FeedFormat.RSS, 2)));
    }

    @Test
    void otherSpellingsNameTheCanonicalAddress() {
        Tag ai = CATALOG.tag("ai").orElseThrow();
        assertEquals(new AddressParser.Variant(FeedScope.of(TR).in(FeedFormat.RSS)), parse("/TR/rss.xml"));
        assertEquals(new AddressParser.Variant(FeedScope.of(TR, ai).in(FeedFormat.ATOM)), parse("/tr/tags/AI/atom.xml"));
        assertEquals(new AddressParser.Variant(FeedScope.of(TR).page()), parse("/tr"));
        assertEquals(new AddressParser.Variant(FeedScope.of(TR, ai).page()), parse("/TR/tags/Ai"));
        assertEquals(new AddressParser.Exact(new FeedScope.Everything().in(FeedFormat.ATOM)), parse("/atom.xml"));
        assertEquals(new AddressParser.Exact(new Address.FeedDocument(new FeedScope.Everything(), FeedFormat.RSS, 2)),
                parse("/archive/2/rss.xml"));
        assertEquals("archive/2/rss.xml", new Address.FeedDocument(new FeedScope.Everything(), FeedFormat.RSS, 2).exportFile());
        assertEquals(new AddressParser.Exact(new Address.FeedList(FeedFormat.JSON)), parse("/feeds-json.opml"));
        assertEquals(Address.HOME, new FeedScope.Everything().page());
        assertEquals(new AddressParser.Exact(new Address.FeedDocument(FeedScope.of(ai), FeedFormat.JSON, 3)),
                parse("/tags/ai/archive/3/feed.json"), "an archive is read whether or not the feed has it");
    }

    @Test
    void pathsThatNameNothingSayWhy() {
        assertEquals("No language 'xx' here. Languages: ar, en, pt-BR, tr.", reason("/xx/rss.xml"));
        assertEquals("No file 'rss.json' here. Feeds are rss.xml, atom.xml and feed.json.", reason("/tr/rss.json"));
        assertEquals("Nothing at /tr/archive/0/rss.xml.", reason("/tr/archive/0/rss.xml"));
        assertEquals("Nothing at /tags.", reason("/tags"));
        assertTrue(reason("/tr/tags/nope/rss.xml").startsWith("No tag 'nope' in tr. Tags: "));
        assertEquals("No post 'nope' in tr.", reason("/tr/posts/nope"));
    }

    private static AddressParser.Parsed parse(String path) {
        return Address.parse(segments(path), CATALOG);
    }

    private static String reason(String path) {
        return assertInstanceOf(AddressParser.Unknown.class, parse(path)).reason();
    }

    private static List<String> segments(String path) {
        String trimmed = path.substring(1, path.endsWith("/") && path.length() > 1 ? path.length() - 1 : path.length());
        return trimmed.isEmpty() ? List.of()
                : Arrays.stream(trimmed.split("/", -1)).map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
    }
}
