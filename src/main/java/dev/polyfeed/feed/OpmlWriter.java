package dev.polyfeed.feed;

import java.util.List;
import java.util.Optional;

import org.jdom2.Document;
import org.jdom2.Element;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.FeedFormat;
import dev.polyfeed.address.FeedScope;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Site;

/**
 * An OPML 2.0 subscription list of every feed in one format, grouped by language, for importing into
 * a reader: each feed once, so that a reader that imports it shows every post once.
 */
public final class OpmlWriter {

    private OpmlWriter() {
    }

    public static byte[] write(Catalog catalog, List<FeedScope> scopes, FeedFormat format) {
        Site site = catalog.site();
        Element body = new Element("body");
        scopes.stream().filter(scope -> scope.folders().isEmpty()).forEach(scope -> body.addContent(outline(site, scope, format)));
        for (Language language : catalog.languages()) {
            // a folder has text alone: any attribute a subscription has (title, version…) on an outline
            // without a type reads as a subscription with its type missing
            Element group = new Element("outline").setAttribute("text", language.nativeName());
            scopes.stream().filter(scope -> scope.languageIfAny().equals(Optional.of(language)))
                    .forEach(scope -> group.addContent(outline(site, scope, format)));
            body.addContent(group);
        }
        Element allLanguages = new Element("outline").setAttribute("text", "Tags and authors, all languages");
        scopes.stream().filter(scope -> scope.languageIfAny().isEmpty() && !scope.folders().isEmpty())
                .forEach(scope -> allLanguages.addContent(outline(site, scope, format)));
        if (!allLanguages.getChildren().isEmpty()) {
            body.addContent(allLanguages);
        }
        String title = format == FeedFormat.RSS ? site.title() : site.title() + " (" + format.displayName() + ")";
        Element head = new Element("head").addContent(new Element("title").setText(title));
        Element opml = new Element("opml").setAttribute("version", "2.0").addContent(head).addContent(body);
        return FeedWriter.bytes(new Document(opml));
    }

    /**
     * One subscription. OPML 2.0 types every feed of a subscription list {@code rss}, whatever its format
     * (readers look at the document itself). Its {@code version} names only RSS's versions, so an Atom or
     * JSON feed has none rather than a name no reader knows.
     */
    private static Element outline(Site site, FeedScope scope, FeedFormat format) {
        Element outline = new Element("outline")
                .setAttribute("type", "rss")
                .setAttribute("text", scope.title(site))
                .setAttribute("title", scope.title(site))
                .setAttribute("xmlUrl", scope.in(format).url(site))
                .setAttribute("htmlUrl", scope.page().url(site));
        if (format == FeedFormat.RSS) {
            outline.setAttribute("version", "RSS2");
        }
        scope.languageIfAny().ifPresent(language -> outline.setAttribute("language", language.tag()));
        return outline;
    }
}
