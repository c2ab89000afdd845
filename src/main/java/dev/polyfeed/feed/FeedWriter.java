package dev.polyfeed.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
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
    private static final String GENERATOR = "Polyfeed";
    private static final String HTML = "text/html";

    private final Catalog catalog;
    private final Site site;

    public FeedWriter(Catalog catalog) {
        this.catalog = catalog;
        this.site = catalog.site();
    }

    /** The feed in a format; {@code posts} are the items, newest first, already cut to size. */
    public byte[] write(FeedScope scope, FeedFormat format, List<Post> posts) {
        return switch (format) {
            case RSS -> rss(scope, posts);
            case ATOM -> atom(scope, posts);
        };
    }

    private byte[] rss(FeedScope scope, List<Post> posts) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(text(scope.title(site)));
        channel.setLink(site.url("/"));
        channel.setDescription(text(scope.description(site)));
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

        Document document = jdom(channel);
        Element root = document.getRootElement();
        root.addNamespaceDeclaration(ATOM);
        root.addNamespaceDeclaration(MEDIA);
        Element channelElement = root.getChild("channel");
        channelElement.addContent(0, new Element("link", ATOM).setAttribute("href", site.url(scope.path(FeedFormat.RSS)))
                .setAttribute("rel", "self").setAttribute("type", FeedFormat.RSS.mediaType()));
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
        Description description = new Description();
        description.setType("text/plain");
        description.setValue(text(post.summary()));
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

    private byte[] atom(FeedScope scope, List<Post> posts) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(scope.id(site));
        feed.setTitleEx(textContent(scope.title(site)));
        feed.setSubtitle(textContent(scope.description(site)));
        feed.setUpdated(newest(posts, Post::updated).orElse(Date.from(Instant.EPOCH)));
        feed.setAlternateLinks(List.of(link("alternate", HTML, site.url("/"), null)));
        feed.setOtherLinks(List.of(link("self", FeedFormat.ATOM.mediaType(), site.url(scope.path(FeedFormat.ATOM)), null)));
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

        Document document = jdom(feed);
        Element root = document.getRootElement();
        root.addNamespaceDeclaration(MEDIA);
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
        entry.setSummary(textContent(post.summary()));
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
        link.setType(type);
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

    private static java.util.Optional<Date> newest(List<Post> posts, Function<Post, Instant> date) {
        return posts.stream().map(date).max(Instant::compareTo).map(Date::from);
    }

    private static String text(String value) {
        return XmlText.clean(value);
    }

    private static Document jdom(WireFeed feed) {
        try {
            return new WireFeedOutput().outputJDom(feed);
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
