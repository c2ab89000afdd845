package dev.polyfeed.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.ProcessingInstruction;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

import dev.polyfeed.content.Author;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Html;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Site;
import dev.polyfeed.content.Tag;
import dev.polyfeed.content.XmlText;

/**
 * Writes one feed as RSS 2.0 or Atom 1.0 bytes (UTF-8). ROME builds the documents; what ROME does not
 * write (xml:lang on Atom entries, the RSS self link, Media RSS images) is added to its JDOM tree
 * before output. ROME's mutable objects never leave this class.
 */
public final class FeedWriter {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    /** RFC 5005 feed history. */
    static final Namespace HISTORY = Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");
    private static final String GENERATOR = "Polyfeed";
    private static final String HTML = "text/html";
    /** Served at the site's root; see src/main/resources/feed.xsl. */
    public static final String STYLESHEET = "feed.xsl";

    private final Catalog catalog;
    private final Site site;
    private final Optional<String> hub;
    private final JsonFeedWriter json;

    /** @param hub WebSub hub URL, if feeds announce one */
    public FeedWriter(Catalog catalog, Optional<String> hub) {
        this.catalog = catalog;
        this.site = catalog.site();
        this.hub = hub;
        this.json = new JsonFeedWriter(site, hub);
    }

    /**
     * The stylesheet's address relative to a document ({@code ../feed.xsl} from {@code /tr/rss.xml}):
     * right behind any proxy path, on any host, and in a static copy of the site.
     */
    static String stylesheetFor(String documentPath) {
        int depth = (int) documentPath.chars().filter(c -> c == '/').count() - 1;
        return "../".repeat(depth) + STYLESHEET;
    }

    /** One document of a feed's history in a format. */
    public byte[] write(FeedScope scope, FeedFormat format, FeedPage page) {
        return switch (format) {
            case RSS -> rss(scope, page);
            case ATOM -> atom(scope, page);
            case JSON -> json.write(scope, page);
        };
    }

    /** The links every document carries: self, hub, and its place in the feed's history. */
    private List<Link> historyLinks(FeedScope scope, FeedFormat format, FeedPage page) {
        List<Link> links = new ArrayList<>();
        links.add(link("self", format.mediaType(), site.url(scope.path(format, page.number())), null));
        hub.ifPresent(url -> links.add(link("hub", null, url, null)));
        if (!page.isCurrent()) {
            links.add(link("current", format.mediaType(), site.url(scope.path(format)), null));
        }
        page.previousArchive().ifPresent(number ->
                links.add(link("prev-archive", format.mediaType(), site.url(scope.path(format, number)), null)));
        page.nextArchive().ifPresent(number ->
                links.add(link("next-archive", format.mediaType(), site.url(scope.path(format, number)), null)));
        return links;
    }

    private static Optional<Element> historyMarker(FeedPage page) {
        if (page.complete()) {
            return Optional.of(new Element("complete", HISTORY));
        }
        return page.isCurrent() ? Optional.empty() : Optional.of(new Element("archive", HISTORY));
    }

    private byte[] rss(FeedScope scope, FeedPage page) {
        List<Post> posts = page.posts();
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(text(scope.title(site)));
        channel.setLink(site.url("/"));
        channel.setDescription(Html.escape(text(scope.description(site))));
        scope.languageIfAny().ifPresent(language -> channel.setLanguage(language.tag()));
        channel.setGenerator(GENERATOR);
        channel.setDocs("https://www.rssboard.org/rss-specification");
        newest(posts, Post::published).ifPresent(channel::setPubDate);
        newest(posts, Post::updated).ifPresent(channel::setLastBuildDate);
        List<Item> items = new ArrayList<>();
        for (Post post : posts) {
            items.add(item(post));
        }
        channel.setItems(items);

        Document document = jdom(channel, scope.path(FeedFormat.RSS, page.number()));
        Element root = document.getRootElement();
        root.addNamespaceDeclaration(ATOM);
        root.addNamespaceDeclaration(MEDIA);
        Element channelElement = root.getChild("channel");
        List<Link> links = historyLinks(scope, FeedFormat.RSS, page);
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            Element element = new Element("link", ATOM).setAttribute("href", link.getHref()).setAttribute("rel", link.getRel());
            if (link.getType() != null) {
                element.setAttribute("type", link.getType());
            }
            channelElement.addContent(i, element);
        }
        historyMarker(page).ifPresent(marker -> {
            root.addNamespaceDeclaration(HISTORY);
            channelElement.addContent(links.size(), marker);
        });
        List<Element> itemElements = channelElement.getChildren("item");
        for (int i = 0; i < posts.size(); i++) {
            addImage(itemElements.get(i), posts.get(i));
        }
        return bytes(document);
    }

    private Item item(Post post) {
        Item item = new Item();
        item.setTitle(text(post.title()));
        item.setLink(post.url());
        Guid guid = new Guid();
        guid.setValue(post.id());
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(Date.from(post.published()));
        // Readers that show only <description> would show nothing for a post with nothing to summarise;
        // its title says at least what it is (and validators want a description before content:encoded).
        // Readers read an RSS description as HTML, so the plain-text summary is escaped as HTML first:
        // "Use List<String>" must not reach them as "Use List".
        Description description = new Description();
        description.setType("text/html");
        description.setValue(Html.escape(text(post.summary().isBlank() ? post.title() : post.summary())));
        item.setDescription(description);
        com.rometools.rome.feed.rss.Content content = new com.rometools.rome.feed.rss.Content();
        content.setType(com.rometools.rome.feed.rss.Content.HTML);
        content.setValue(text(post.html()));
        item.setContent(content);
        List<com.rometools.rome.feed.rss.Category> categories = new ArrayList<>();
        for (Tag tag : post.tags()) {
            com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
            category.setValue(text(tag.label()));
            categories.add(category);
        }
        item.setCategories(categories);
        DCModule dc = new DCModuleImpl();
        dc.setCreators(post.authors().stream().map(author -> text(author.name())).toList());
        dc.setLanguage(post.language().tag());
        List<Module> modules = new ArrayList<>();
        modules.add(dc);
        item.setModules(modules);
        return item;
    }

    private byte[] atom(FeedScope scope, FeedPage page) {
        List<Post> posts = page.posts();
        Feed feed = new Feed("atom_1.0");
        feed.setId(scope.id(site));
        feed.setTitleEx(textContent(scope.title(site)));
        feed.setSubtitle(textContent(scope.description(site)));
        feed.setUpdated(newest(posts, Post::updated).orElse(Date.from(Instant.EPOCH)));
        feed.setAlternateLinks(List.of(link("alternate", HTML, site.url("/"), null)));
        feed.setOtherLinks(historyLinks(scope, FeedFormat.ATOM, page));
        // An entry without an author of its own takes the feed's (RFC 4287 section 4.1.1).
        feed.setAuthors(List.of(person(new Author(site.title(), site.url("/"), null, null))));
        Generator generator = new Generator();
        generator.setValue(GENERATOR);
        feed.setGenerator(generator);
        List<Entry> entries = new ArrayList<>();
        for (Post post : posts) {
            entries.add(entry(post));
        }
        feed.setEntries(entries);

        Document document = jdom(feed, scope.path(FeedFormat.ATOM, page.number()));
        Element root = document.getRootElement();
        root.addNamespaceDeclaration(MEDIA);
        historyMarker(page).ifPresent(marker -> {
            root.addNamespaceDeclaration(HISTORY);
            root.addContent(root.indexOf(root.getChild("id", root.getNamespace())), marker);
        });
        scope.languageIfAny().ifPresent(language -> root.setAttribute("lang", language.tag(), Namespace.XML_NAMESPACE));
        List<Element> entryElements = root.getChildren("entry", root.getNamespace());
        for (int i = 0; i < posts.size(); i++) {
            Element entry = entryElements.get(i);
            Post post = posts.get(i);
            entry.setAttribute("lang", post.language().tag(), Namespace.XML_NAMESPACE);
            addImage(entry, post);
            if (!catalog.translationsOf(post).isEmpty()) {
                // Readers disagree on which alternate link is "the" link: Miniflux and feedparser take the
                // first, newsboat the last (it opened the Turkish page from the Arabic entry). The post's own
                // page is therefore also the last link, with no rel/type/hreflang: still an alternate link,
                // and a combination RFC 4287 section 4.1.1 allows next to the typed ones.
                entry.addContent(new Element("link", root.getNamespace()).setAttribute("href", post.url()));
            }
        }
        return bytes(document);
    }

    private Entry entry(Post post) {
        Entry entry = new Entry();
        entry.setId(post.id());
        entry.setTitleEx(textContent(post.title()));
        entry.setPublished(Date.from(post.published()));
        entry.setUpdated(Date.from(post.updated()));
        if (!post.summary().isBlank()) {
            // an empty summary is an error to validators; the content says it all. Typed html like the
            // content, escaped: a plain-text summary beside html content is what text-first clients
            // (rss2email's default) pick, so they would mail 300 characters instead of the article
            com.rometools.rome.feed.atom.Content summary = new com.rometools.rome.feed.atom.Content();
            summary.setType(com.rometools.rome.feed.atom.Content.HTML);
            summary.setValue(Html.escape(text(post.summary())));
            entry.setSummary(summary);
        }
        com.rometools.rome.feed.atom.Content content = new com.rometools.rome.feed.atom.Content();
        content.setType(com.rometools.rome.feed.atom.Content.HTML);
        content.setValue(text(post.html()));
        entry.setContents(List.of(content));
        entry.setAuthors(post.authors().stream().map(FeedWriter::person).toList());
        List<com.rometools.rome.feed.atom.Category> categories = new ArrayList<>();
        for (Tag tag : post.tags()) {
            com.rometools.rome.feed.atom.Category category = new com.rometools.rome.feed.atom.Category();
            category.setTerm(text(tag.key()));
            category.setLabel(text(tag.label()));
            categories.add(category);
        }
        entry.setCategories(categories);
        List<Link> alternates = new ArrayList<>();
        alternates.add(link("alternate", HTML, post.url(), post.language()));
        for (Post translation : catalog.translationsOf(post)) {
            alternates.add(link("alternate", HTML, translation.url(), translation.language()));
        }
        entry.setAlternateLinks(alternates);
        return entry;
    }

    /** Media RSS image: the one many readers (Feedly, Inoreader, NetNewsWire) show as the item's picture. */
    private static void addImage(Element item, Post post) {
        post.imageUrl().ifPresent(url -> {
            item.addContent(new Element("content", MEDIA).setAttribute("url", url).setAttribute("medium", "image"));
            item.addContent(new Element("thumbnail", MEDIA).setAttribute("url", url));
        });
    }

    private static Link link(String rel, String type, String href, Language hreflang) {
        Link link = new Link();
        link.setRel(rel);
        if (type != null) {
            link.setType(type);
        }
        link.setHref(href);
        if (hreflang != null) {
            link.setHreflang(hreflang.tag());
        }
        return link;
    }

    private static SyndPerson person(Author author) {
        Person person = new Person();
        person.setName(text(author.name()));
        author.urlText().ifPresent(person::setUri);
        return person;
    }

    private static com.rometools.rome.feed.atom.Content textContent(String value) {
        com.rometools.rome.feed.atom.Content content = new com.rometools.rome.feed.atom.Content();
        content.setType(com.rometools.rome.feed.atom.Content.TEXT);
        content.setValue(text(value));
        return content;
    }

    private static Optional<Date> newest(List<Post> posts, Function<Post, Instant> date) {
        return posts.stream().map(date).max(Instant::compareTo).map(Date::from);
    }

    private static String text(String value) {
        return XmlText.clean(value);
    }

    private static Document jdom(WireFeed feed, String path) {
        try {
            Document document = new WireFeedOutput().outputJDom(feed);
            // Browsers render the feed through this stylesheet; feed readers ignore the instruction.
            document.addContent(0, new ProcessingInstruction("xml-stylesheet",
                    "type=\"text/xsl\" href=\"" + stylesheetFor(path) + "\""));
            return document;
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write a " + feed.getFeedType() + " feed", e);
        }
    }

    static byte[] bytes(Document document) {
        // TRIM_FULL_WHITE indents the document but never touches text such as an item's <pre> code.
        Format format = Format.getPrettyFormat().setTextMode(Format.TextMode.TRIM_FULL_WHITE)
                .setEncoding("UTF-8").setLineSeparator("\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            new XMLOutputter(format).output(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
