package dev.polyfeed.web;

import java.util.Locale;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.FeedScope;

/**
 * What kind of answer a request got, as metrics tag it: one value per kind of document, derived from its
 * {@link Address} case, and one for each answer that is no document. A fixed handful of values, never
 * the path, so that a site with thousands of feeds still has a few dozen series.
 */
enum DocumentKind {
    HOME,
    /** A feed's page at its folder: a language's ({@code /tr/}), a tag's, an author's. */
    LANGUAGE_PAGE,
    TAG_PAGE,
    AUTHOR_PAGE,
    POST_PAGE,
    /** A feed's current document, in any format. */
    FEED_CURRENT,
    /** An RFC 5005 archive document of a feed. */
    FEED_ARCHIVE,
    /** A feed document's address answered with its page, for a browser. */
    FEED_PAGE,
    /** The subscription lists, in any format. */
    OPML,
    /** The stylesheet and the icons. */
    ASSET,
    /** 404: nothing at that path. */
    NOT_FOUND,
    /** 301 to a document's canonical address, or to a path's percent-encoded form. */
    REDIRECT,
    /** 400 and 405: a path that is no UTF-8, a method Polyfeed does not take. */
    REJECTED;

    /** The tag's value: {@code feed-current}. */
    final String tag = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** @param view whether the document's page for browsers is sent instead of the document */
    static DocumentKind of(Address address, boolean view) {
        if (address instanceof Address.FeedDocument feed) {
            return view ? FEED_PAGE : feed.page() == 0 ? FEED_CURRENT : FEED_ARCHIVE;
        }
        if (address instanceof Address.PostPage) {
            return POST_PAGE;
        }
        if (address instanceof Address.ScopePage page) {
            FeedScope scope = page.scope();
            if (scope instanceof FeedScope.TagInLanguage || scope instanceof FeedScope.TagEverywhere) {
                return TAG_PAGE;
            }
            if (scope instanceof FeedScope.ByAuthor || scope instanceof FeedScope.ByAuthorInLanguage) {
                return AUTHOR_PAGE;
            }
            return LANGUAGE_PAGE;
        }
        if (address instanceof Address.Home) {
            return HOME;
        }
        if (address instanceof Address.FeedList) {
            return OPML;
        }
        if (address instanceof Address.RootFile) {
            return ASSET;
        }
        throw new IllegalArgumentException("no kind of document for " + address);
    }
}
