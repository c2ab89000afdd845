package dev.polyfeed.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jdom2.Document;
import org.jdom2.ProcessingInstruction;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.impl.ConfigurableClassLoader;
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

import dev.polyfeed.address.Address;
import dev.polyfeed.address.FeedScope;
import dev.polyfeed.content.Author;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Html;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Site;
import dev.polyfeed.content.Tag;
import dev.polyfeed.content.XmlText;

/**
 * Writes one feed as RSS 2.0 or Atom 1.0 bytes (UTF-8). ROME builds the documents, extensions included,
 * each through ROME's module mechanism: Media RSS images and the RSS channel's Atom links (self, hub,
 * history) with rome-modules' modules, {@code xml:lang} on Atom entries and RFC 5005 markers with
 * Polyfeed's own ({@link LanguageModule}, {@link FeedHistoryModule}). ROME's mutable objects never
 * leave this class.
 */
public final class FeedWriter {

    private static final String GENERATOR = "Polyfeed";
    private static final String HTML = "text/html";

    static {
        // ROME finds its plugins (rome.properties, and the generators named there) through one class loader,
        // by default its own. Quarkus's dev and test modes load the application's classes in a child of
        // that one, where Polyfeed's modules would go unseen: point it at the loader that sees both.
        ConfigurableClassLoader.INSTANCE.setClassLoader(FeedWriter.class.getClassLoader());
    }

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

    /** One document of a feed's history in a format. */
    public byte[] write(Address.FeedDocument address, FeedPage page) {
        return switch (address.format()) {
            case RSS -> rss(address, page);
            case ATOM -> atom(address, page);
            case JSON -> json.write(address.scope(), page);
        };
    }

    /**
     * The WebSub discovery links of a feed document as HTTP {@code Link} field values (RFC 8288), one
     * field each: its hub and its self, the same two the document carries inside. WebSub (section 4)
     * requires them in the response's header; the links in the document are what subscribers that
     * read only the body find. None without a hub.
     */
    public List<String> discoveryLinks(Address.FeedDocument address) {
        return hub.map(url -> List.of(linkValue(url, "hub"), linkValue(address.url(site), "self"))).orElse(List.of());
    }

    /** A field value is ASCII: a non-ASCII character a configured URL may hold is percent-encoded. */
    private static String linkValue(String url, String rel) {
        return "<" + URI.create(url).toASCIIString() + ">; rel=\"" + rel + "\"";
    }

    /** The links every document carries: self, hub, and its place in the feed's history. */
    private List<Link> historyLinks(Address.FeedDocument address, FeedPage page) {
        String type = address.format().mediaType();
        List<Link> links = new ArrayList<>();
        links.add(link("self", type, address.url(site), null));
        hub.ifPresent(url -> links.add(link("hub", null, url, null)));
        if (!page.isCurrent()) {
            links.add(link("current", type, address.current().url(site), null));
        }
        page.previousArchive().ifPresent(number -> links.add(link("prev-archive", type, address.page(number).url(site), null)));
        page.nextArchive().ifPresent(number -> links.add(link("next-archive", type, address.page(number).url(site), null)));
        return links;
    }

    /** The document's place in its feed's history (RFC 5005), for the feed-level modules. */
    private static List<Module> historyModules(FeedPage page) {
        if (page.complete()) {
            return List.of(new FeedHistoryModule(FeedHistoryModule.Marker.COMPLETE));
        }
        return page.isCurrent() ? List.of() : List.of(new FeedHistoryModule(FeedHistoryModule.Marker.ARCHIVE));
    }

    private byte[] rss(Address.FeedDocument address, FeedPage page) {
        FeedScope scope = address.scope();
        List<Post> posts = page.posts();
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(text(scope.title(site)));
        channel.setLink(Address.HOME.url(site));
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
        // RSS has no self, hub or history links of its own: Atom's, as the W3C validator and WebSub ask
        AtomLinkModule atomLinks = new AtomLinkModuleImpl();
        atomLinks.setLinks(historyLinks(address, page));
        List<Module> modules = new ArrayList<>(historyModules(page));
        modules.add(atomLinks);
        channel.setModules(modules);
        return bytes(jdom(channel, address));
    }

    private Item item(Post post) {
        Item item = new Item();
        item.setTitle(text(post.title()));
        item.setLink(post.link());
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
        image(post).ifPresent(modules::add);
        item.setModules(modules);
        return item;
    }

    private byte[] atom(Address.FeedDocument address, FeedPage page) {
        FeedScope scope = address.scope();
        List<Post> posts = page.posts();
        Feed feed = new Feed("atom_1.0");
        feed.setId(scope.id(site));
        feed.setTitleEx(textContent(scope.title(site)));
        feed.setSubtitle(textContent(scope.description(site)));
        feed.setUpdated(newest(posts, Post::updated).orElse(Date.from(Instant.EPOCH)));
        feed.setAlternateLinks(List.of(link("alternate", HTML, Address.HOME.url(site), null)));
        feed.setOtherLinks(historyLinks(address, page));
        // An entry without an author of its own takes the feed's (RFC 4287 section 4.1.1).
        feed.setAuthors(List.of(person(new Author(site.title(), Address.HOME.url(site), null, null))));
        Generator generator = new Generator();
        generator.setValue(GENERATOR);
        feed.setGenerator(generator);
        List<Entry> entries = new ArrayList<>();
        for (Post post : posts) {
            entries.add(entry(post));
        }
        feed.setEntries(entries);
        List<Module> modules = new ArrayList<>(historyModules(page));
        scope.languageIfAny().ifPresent(language -> modules.add(new LanguageModule(language.tag())));
        feed.setModules(modules);
        return bytes(jdom(feed, address));
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
        alternates.add(link("alternate", HTML, post.link(), post.language()));
        List<Post> translations = catalog.translationsOf(post);
        for (Post translation : translations) {
            alternates.add(link("alternate", HTML, translation.link(), translation.language()));
        }
        entry.setAlternateLinks(alternates);
        if (!translations.isEmpty()) {
            // Readers disagree on which alternate link is "the" link: Miniflux and feedparser take the
            // first, newsboat the last (it opened the Turkish page from the Arabic entry). The post's own
            // page is therefore also the last link, with no rel/type/hreflang: still an alternate link,
            // and a combination RFC 4287 section 4.1.1 allows next to the typed ones.
            entry.setOtherLinks(List.of(link(null, null, post.link(), null)));
        }
        List<Module> modules = new ArrayList<>();
        modules.add(new LanguageModule(post.language().tag()));
        image(post).ifPresent(modules::add);
        entry.setModules(modules);
        return entry;
    }

    /**
     * Media RSS image: the one many readers (Feedly, Inoreader, NetNewsWire) show as the item's picture.
     * An address that is no URI at all is left out rather than written broken.
     */
    private static Optional<Module> image(Post post) {
        Optional<URI> url = post.imageUrl().flatMap(FeedWriter::uri);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        MediaContent content = new MediaContent(new UrlReference(url.get()));
        content.setMedium("image");
        Metadata metadata = new Metadata();
        metadata.setThumbnail(new Thumbnail[] { new Thumbnail(url.get()) });
        MediaEntryModuleImpl media = new MediaEntryModuleImpl();
        media.setMediaContents(new MediaContent[] { content });
        media.setMetadata(metadata);
        return Optional.of(media);
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
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

    private static Document jdom(WireFeed feed, Address.FeedDocument address) {
        try {
            Document document = new WireFeedOutput().outputJDom(feed);
            // Browsers render the feed through this stylesheet; feed readers ignore the instruction.
            document.addContent(0, new ProcessingInstruction("xml-stylesheet",
                    "type=\"text/xsl\" href=\"" + Address.STYLESHEET.relativeFrom(address) + "\""));
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
