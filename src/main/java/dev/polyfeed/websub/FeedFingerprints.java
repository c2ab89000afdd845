package dev.polyfeed.websub;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfeed.address.FeedFormat;
import dev.polyfeed.address.FeedScope;
import dev.polyfeed.content.Author;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Site;
import dev.polyfeed.content.Tag;
import dev.polyfeed.feed.FeedPage;
import dev.polyfeed.publish.Publication;

/**
 * One digest per feed of a publication, of everything its current document is written from: which of
 * two publications changed a feed is then known without rendering either. Feeds render lazily, and a
 * site has thousands; digesting reads each post's fields and Markdown bytes once.
 *
 * <p>A feed's three formats (RSS, Atom, JSON Feed) are written from the same inputs, so one digest
 * stands for all three, and a change is a change of all three: each announces the hub. Only current
 * documents count: an archive document is the WebSub topic of nobody (the feeds link the hub from
 * their current URL), and a full one does not change when newer posts appear.
 */
public final class FeedFingerprints {

    /**
     * A feed's current document.
     *
     * @param urls its absolute URL in each format
     * @param digest what its bytes are written from, digested
     */
    record Feed(List<String> urls, String digest) {
    }

    /** By the feed's folder ({@code /tr/tags/ai/}), in the publication's order of feeds. */
    private final Map<String, Feed> feeds;

    private FeedFingerprints(Map<String, Feed> feeds) {
        this.feeds = feeds;
    }

    /**
     * @param feedSize the items of a current feed, as the publication was made with: which posts are
     *        in the current document, and how many archive documents it links
     */
    public static FeedFingerprints of(Publication publication, int feedSize) {
        Catalog catalog = publication.catalog();
        Site site = catalog.site();
        // a post is in a dozen feeds or more: digested once
        Map<Post, byte[]> posts = new IdentityHashMap<>();
        Map<String, Feed> feeds = new LinkedHashMap<>();
        for (FeedScope scope : publication.feeds()) {
            FeedPage current = FeedPage.of(scope.posts(catalog), feedSize, 0);
            Digest digest = new Digest();
            digest.text(site.baseUrl()).text(site.title()).text(scope.id(site)).text(scope.title(site))
                    .text(scope.description(site)).text(scope.languageIfAny().map(Language::tag).orElse(""))
                    .number(current.archives()).number(current.posts().size());
            for (Post post : current.posts()) {
                digest.bytes(posts.computeIfAbsent(post, p -> digest(p, catalog)));
            }
            List<String> urls = new ArrayList<>();
            for (FeedFormat format : FeedFormat.values()) {
                urls.add(scope.in(format).url(site));
            }
            feeds.put(scope.directory(), new Feed(List.copyOf(urls), digest.hex()));
        }
        return new FeedFingerprints(feeds);
    }

    /**
     * The URLs of every feed that is new since {@code before} or whose current document is written
     * from something else now, in every format, in the publication's order of feeds. Feeds that are
     * gone are not named: their URLs now answer 404, and a WebSub publish says that a topic has new
     * content, which a feed that no longer exists does not.
     */
    public List<String> changedSince(FeedFingerprints before) {
        List<String> urls = new ArrayList<>();
        feeds.forEach((folder, feed) -> {
            Feed was = before.feeds.get(folder);
            if (was == null || !was.equals(feed)) {
                urls.addAll(feed.urls());
            }
        });
        return urls;
    }

    /** How many feeds there are. */
    public int size() {
        return feeds.size();
    }

    /**
     * What a post contributes to every feed it is in: each field a feed writes of it, its body's
     * Markdown (its summary, when it has no description, is an excerpt of that) and the addresses of
     * its translations (Atom links them). Not its source file or keywords, which no feed shows.
     */
    private static byte[] digest(Post post, Catalog catalog) {
        Digest digest = new Digest();
        digest.text(post.id()).text(post.url()).text(post.title()).text(post.language().tag())
                .instant(post.published()).instant(post.updated()).text(post.description())
                .text(post.image() == null ? "" : post.image());
        digest.number(post.tags().size());
        for (Tag tag : post.tags()) {
            digest.text(tag.key()).text(tag.label());
        }
        digest.number(post.authors().size());
        for (Author author : post.authors()) {
            digest.text(author.key()).text(author.name()).text(String.valueOf(author.url()))
                    .text(String.valueOf(author.image())).text(String.valueOf(author.title()));
        }
        List<Post> translations = catalog.translationsOf(post);
        digest.number(translations.size());
        for (Post translation : translations) {
            digest.text(translation.language().tag()).text(translation.url());
        }
        post.body().digestInto(digest.sha);
        return digest.sha.digest();
    }

    /** SHA-256 over length-prefixed values: no two sequences of values feed it the same bytes. */
    private static final class Digest {
        final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        Digest number(long value) {
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
            return this;
        }

        Digest instant(Instant value) {
            return number(value.getEpochSecond()).number(value.getNano());
        }

        Digest bytes(byte[] value) {
            number(value.length);
            sha.update(value);
            return this;
        }

        Digest text(String value) {
            return bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
