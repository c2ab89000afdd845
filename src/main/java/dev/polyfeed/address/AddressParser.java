package dev.polyfeed.address;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.polyfeed.content.Author;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Tag;

/**
 * Reads a request path as an {@link Address} of a catalog. Languages, tags, authors and slugs are
 * matched leniently ({@code TR}, {@code AI}, NFD forms), so that a reader's sloppy link still finds
 * its document; the caller redirects those to the canonical spelling, so that every document has
 * one URL that caches and readers share.
 */
public final class AddressParser {

    /** What a path names. */
    public sealed interface Parsed {
    }

    /** The path is this address's own spelling. */
    public record Exact(Address address) implements Parsed {
    }

    /** The path names this address in another spelling: {@code /TR/rss.xml}, {@code /tr}. */
    public record Variant(Address canonical) implements Parsed {
    }

    /**
     * The path is an old address of a post ({@link Post.Keys#aliases}, Hugo's {@code aliases}), and no
     * address of the catalog: the caller redirects to the post.
     */
    public record Alias(Post post) implements Parsed {
    }

    /** The path names nothing in the catalog; the reason says what was looked for and what there is. */
    public record Unknown(String reason) implements Parsed {
    }

    private static final int MOST_LISTED = 50;
    private static final String ARCHIVE = "archive";

    private final Catalog catalog;

    AddressParser(Catalog catalog) {
        this.catalog = catalog;
    }

    Parsed parse(List<String> segments) {
        Parsed parsed = address(segments);
        if (parsed instanceof Unknown) {
            Optional<Post> aliased = alias(segments);
            if (aliased.isPresent()) {
                return new Alias(aliased.get());
            }
        }
        return parsed;
    }

    /** The post whose old address the path is, if any; for paths that name no document. */
    Optional<Post> alias(List<String> segments) {
        if (segments.stream().anyMatch(segment -> segment.contains("/"))) {
            return Optional.empty(); // an encoded slash is no path of a static site
        }
        return catalog.aliased(Post.Keys.aliasKey("/" + String.join("/", segments)));
    }

    private Parsed address(List<String> segments) {
        if (segments.isEmpty()) {
            return new Exact(Address.HOME);
        }
        if (segments.size() == 1) {
            Optional<Address> file = rootFile(segments.get(0));
            if (file.isPresent()) {
                return new Exact(file.get());
            }
        }
        String first = segments.get(0);
        if (first.equals("tags")) {
            return segments.size() < 2 ? nothingAt(segments) : tagFeed(null, segments.get(1), segments.subList(2, segments.size()), true);
        }
        if (first.equals("authors")) {
            return segments.size() < 2 ? nothingAt(segments) : authorFeed(null, segments.get(1), segments.subList(2, segments.size()), true);
        }
        if (FeedFormat.byFileName(first).isPresent() || first.equals(ARCHIVE)) {
            return feedDocument(new FeedScope.Everything(), segments, true, segments);
        }
        Optional<Language> found = catalog.language(first);
        if (found.isEmpty()) {
            return new Unknown("No language '" + quoted(first) + "' here. Languages: " + listed(catalog.languages(), Language::tag) + ".");
        }
        Language language = found.get();
        boolean canonical = first.equals(language.tag());
        List<String> rest = segments.subList(1, segments.size());
        if (rest.isEmpty()) {
            return feedDocument(FeedScope.of(language), rest, canonical, segments);
        }
        if (rest.size() == 2 && rest.get(0).equals("posts")) {
            return post(language, rest.get(1), canonical);
        }
        if (rest.size() >= 2 && rest.get(0).equals("tags")) {
            return tagFeed(language, rest.get(1), rest.subList(2, rest.size()), canonical);
        }
        if (rest.size() >= 2 && rest.get(0).equals("authors")) {
            return authorFeed(language, rest.get(1), rest.subList(2, rest.size()), canonical);
        }
        return feedDocument(FeedScope.of(language), rest, canonical, segments);
    }

    private static Optional<Address> rootFile(String name) {
        for (FeedFormat format : FeedFormat.values()) {
            Address list = new Address.FeedList(format);
            if (list.path().substring(1).equals(name)) {
                return Optional.of(list);
            }
        }
        for (Address.RootFile.Kind kind : Address.RootFile.Kind.values()) {
            if (name.equals(kind.file)) {
                return Optional.of(new Address.RootFile(kind));
            }
        }
        return Optional.empty();
    }

    private Parsed post(Language language, String slug, boolean canonical) {
        Optional<Post> post = catalog.post(language, slug)
                .or(() -> catalog.post(language, Normalizer.normalize(slug, Normalizer.Form.NFC)));
        if (post.isEmpty()) {
            return new Unknown("No post '" + quoted(slug) + "' in " + language + ".");
        }
        Address page = Address.of(post.get());
        return canonical && slug.equals(post.get().slug()) ? new Exact(page) : new Variant(page);
    }

    private Parsed tagFeed(Language language, String spelling, List<String> rest, boolean canonical) {
        Optional<Tag> tag = catalog.tag(Tag.keyOf(spelling))
                .filter(found -> language == null || !catalog.posts(language, found.key()).isEmpty());
        if (tag.isEmpty()) {
            List<Tag> known = language == null ? catalog.tags() : catalog.tags(language);
            return new Unknown("No tag '" + quoted(spelling) + "'" + (language == null ? "" : " in " + language) + ". Tags: "
                    + listed(known, Tag::key) + ".");
        }
        FeedScope scope = language == null ? FeedScope.of(tag.get()) : FeedScope.of(language, tag.get());
        return feedDocument(scope, rest, canonical && spelling.equals(tag.get().key()), rest);
    }

    /** An author's feed: keys are matched as tags are ({@code Ada}, {@code ada}). */
    private Parsed authorFeed(Language language, String spelling, List<String> rest, boolean canonical) {
        Optional<Author> author = catalog.author(Tag.keyOf(spelling))
                .filter(found -> language == null || !catalog.postsBy(language, found.key()).isEmpty());
        if (author.isEmpty()) {
            List<Author> known = language == null ? catalog.authors() : catalog.authors(language);
            return new Unknown("No author '" + quoted(spelling) + "'" + (language == null ? "" : " in " + language)
                    + ". Authors: " + listed(known, Author::key) + ".");
        }
        FeedScope scope = language == null ? new FeedScope.ByAuthor(author.get())
                : new FeedScope.ByAuthorInLanguage(language, author.get());
        return feedDocument(scope, rest, canonical && spelling.equals(author.get().key()), rest);
    }

    /**
     * The feed's page (nothing below its folder: {@code /tr/tags/ai}, always redirected to the folder,
     * {@code /tr/tags/ai/}, which is served as it is before any parsing), or {@code rss.xml} or
     * {@code archive/3/rss.xml} below its folder.
     */
    private static Parsed feedDocument(FeedScope scope, List<String> rest, boolean canonical, List<String> asked) {
        int page = 0;
        String file;
        if (rest.isEmpty()) {
            return new Variant(scope.page());
        } else if (rest.size() == 1) {
            file = rest.get(0);
        } else if (rest.size() == 3 && rest.get(0).equals(ARCHIVE) && rest.get(1).matches("[1-9][0-9]{0,8}")) {
            page = Integer.parseInt(rest.get(1));
            file = rest.get(2);
        } else {
            return nothingAt(asked);
        }
        Optional<FeedFormat> format = FeedFormat.byFileName(file);
        if (format.isEmpty()) {
            return new Unknown("No file '" + quoted(file) + "' here. Feeds are rss.xml, atom.xml and feed.json.");
        }
        Address document = new Address.FeedDocument(scope, format.get(), page);
        return canonical ? new Exact(document) : new Variant(document);
    }

    private static Parsed nothingAt(List<String> segments) {
        return new Unknown("Nothing at /" + quoted(String.join("/", segments)) + ".");
    }

    /**
     * The decoded, non-empty segments of a raw path, each decoded once (a {@code %25} stays a percent
     * sign); empty when an escape does not decode to UTF-8.
     */
    public static Optional<List<String>> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            Optional<String> decoded = decode(segment);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            segments.add(decoded.get());
        }
        return Optional.of(segments);
    }

    private static Optional<String> decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return Optional.of(segment);
        }
        ByteBuffer bytes = ByteBuffer.allocate(segment.length() * 4);
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && isHex(segment.charAt(i + 1)) && isHex(segment.charAt(i + 2))) {
                bytes.put((byte) Integer.parseInt(segment, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Text from a request, fit to quote in an answer: no control characters, not too long. */
    public static String quoted(String text) {
        String visible = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > 80 ? visible.substring(0, 80) + "…" : visible;
    }

    private static <T> String listed(List<T> items, Function<T, String> name) {
        String list = items.stream().limit(MOST_LISTED).map(name).collect(Collectors.joining(", "));
        return items.size() > MOST_LISTED ? list + ", …" : list.isEmpty() ? "none" : list;
    }
}
