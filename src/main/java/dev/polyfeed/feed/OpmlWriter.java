package dev.polyfeed.feed;

import dev.polyfeed.address.FeedScope;
import dev.polyfeed.address.Address;
import dev.polyfeed.address.FeedFormat;
import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;

import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Site;

/** OPML 2.0 subscription list of every feed, grouped by language, for importing into a reader. */
public final class OpmlWriter {

    private OpmlWriter() {
    }

    public static byte[] write(Catalog catalog, List<FeedScope> scopes) {
        Site site = catalog.site();
        Element body = new Element("body");
        for (Language language : catalog.languages()) {
            Element group = new Element("outline").setAttribute("text", language.nativeName())
                    .setAttribute("title", language.nativeName());
            scopes.stream().filter(scope -> scope.languageIfAny().equals(java.util.Optional.of(language)))
                    .forEach(scope -> addFeeds(group, site, scope));
            body.addContent(group);
        }
        Element allLanguages = new Element("outline").setAttribute("text", "Tags and authors, all languages");
        scopes.stream().filter(scope -> scope.languageIfAny().isEmpty()).forEach(scope -> addFeeds(allLanguages, site, scope));
        if (!allLanguages.getChildren().isEmpty()) {
            body.addContent(allLanguages);
        }
        Element head = new Element("head").addContent(new Element("title").setText(site.title()));
        Element opml = new Element("opml").setAttribute("version", "2.0").addContent(head).addContent(body);
        return FeedWriter.bytes(new Document(opml));
    }

    private static void addFeeds(Element group, Site site, FeedScope scope) {
        for (FeedFormat format : FeedFormat.values()) {
            Element outline = new Element("outline")
                    .setAttribute("type", "rss")
                    .setAttribute("text", scope.title(site) + " (" + format.displayName() + ")")
                    .setAttribute("title", scope.title(site))
                    .setAttribute("xmlUrl", scope.in(format).url(site))
                    .setAttribute("htmlUrl", Address.HOME.url(site));
            if (format == FeedFormat.RSS) {
                outline.setAttribute("version", "RSS2");
            }
            scope.languageIfAny().ifPresent(language -> outline.setAttribute("language", language.tag()));
            group.addContent(outline);
        }
    }
}
