package dev.polyfeed.content;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one {@link PostSource} into a {@link Post}: pure, thread-safe, no I/O. Whatever is wrong is
 * reported as {@link ContentProblem}s; only a file that cannot be made into a post at all (unreadable,
 * bad YAML, no title, no language) yields no post.
 */
public final class PostParser {

    /** Where a result came from and what is wrong with it; {@code post} is null when unusable. */
    public record Result(Post post, List<ContentProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public Optional<Post> postIfAny() {
            return Optional.ofNullable(post);
        }
    }

    private static final Pattern FIRST_HEADING = Pattern.compile("(?m)^#[ \\t]+(.+?)[ \\t#]*$");

    private final Site site;
    private final Map<String, Author> authors;
    private final BodyRenderer renderer;

    public PostParser(Site site, Map<String, Author> authors, BodyRenderer renderer) {
        this.site = site;
        this.authors = Map.copyOf(authors);
        this.renderer = renderer;
    }

    public Result parse(PostSource source) {
        List<ContentProblem> problems = new ArrayList<>();
        try {
            return new Result(parse(source, problems), problems);
        } catch (ContentException e) {
            problems.add(e.problem());
            return new Result(null, problems);
        }
    }

    private Post parse(PostSource source, List<ContentProblem> problems) throws ContentException {
        String path = source.path();
        if (source.bytes().length == 0) {
            throw new ContentException(ContentProblem.error(path).message("the file is empty")
                    .hint("add front matter with a title, then the post's text").build());
        }
        byte[] bytes = source.bytes();
        int head = SourceText.isClean(bytes) ? FrontMatter.headLength(bytes) : -1;
        FrontMatter split;
        byte[] markdown;
        if (head >= 0) {
            // most files: only the front matter is decoded, and the body is kept as the file's own bytes
            split = FrontMatter.split(new String(bytes, 0, head, StandardCharsets.UTF_8), path);
            markdown = Arrays.copyOfRange(bytes, head, bytes.length);
        } else {
            SourceText text = SourceText.decode(bytes, path);
            problems.addAll(text.warnings());
            split = FrontMatter.split(text.text(), path);
            markdown = split.body().getBytes(StandardCharsets.UTF_8);
        }
        YamlMapping yaml = YamlMapping.parse(split.yaml(), path, split.yamlFirstLine());
        Fields fields = new Fields(yaml, path, problems);

        Language language = language(source, fields);
        String slug = slug(source, fields);
        String url = site.url(Post.path(language, slug));
        String title = title(split, fields, path, problems);
        Instant published = published(source, fields, problems);
        Instant updated = fields.text("updated").flatMap(t -> date(fields, "updated", t)).orElse(published);
        if (updated.isBefore(published)) {
            fields.warn("updated", "'updated' is before the post's date; the date is used",
                    "updated: is when the post last changed, on or after date:");
        }
        // rendered when a feed first needs it; what rendering finds is reported by PostBody.problem()
        PostBody body = new PostBody(path, split.bodyFirstLine(), markdown, language, url, renderer);
        String description = fields.text("description").orElse("");
        String image = fields.text("image").map(i -> absolute(i, url)).orElse(null);
        boolean draft = fields.flag("draft").orElse(false);
        return new Post(path, language, slug, id(fields, language, slug), url, title, published, updated,
                tags(fields), fields.textList("keywords"), authors(fields), description, image, body, draft);
    }

    private Language language(PostSource source, Fields fields) throws ContentException {
        Optional<String> declared = fields.text("lang");
        if (declared.isPresent()) {
            Optional<Language> language = Language.parse(declared.get());
            if (language.isPresent()) {
                return language.get();
            }
            fields.warn("lang", "lang: '" + declared.get() + "' is not a BCP 47 language tag; it was ignored",
                    "write a tag such as tr, ar or pt-BR");
        }
        if (source.folders().isEmpty()) {
            throw new ContentException(ContentProblem.error(source.path())
                    .message("the post is in no language folder and has no lang:")
                    .hint("move it into a folder named by its language, such as content/tr/, or add lang: tr")
                    .build());
        }
        String folder = source.folders().get(0);
        return Language.parse(folder).orElseThrow(() -> new ContentException(ContentProblem.error(source.path())
                .message("folder '" + folder + "' is not a BCP 47 language tag, so the post's language is unknown")
                .hint("name the folder by its language, such as tr, hi, ar or pt-BR, or add lang: to the front matter")
                .build()));
    }

    private static String slug(PostSource source, Fields fields) {
        Optional<String> declared = fields.text("slug").map(PostParser::cleanSlug).filter(s -> !s.isEmpty());
        if (fields.yaml().has("slug") && declared.isEmpty()) {
            fields.warn("slug", "slug: is empty once '/' and spaces are removed; the file name is used",
                    "write slug: my-post");
        }
        return declared.orElseGet(() -> {
            String fromName = cleanSlug(PostDates.withoutDatePrefix(source.stem()));
            return fromName.isEmpty() ? cleanSlug(source.stem()) : fromName;
        });
    }

    /** A slug is one readable path segment: NFC, no slashes, no spaces. */
    private static String cleanSlug(String text) {
        String nfc = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        return nfc.replaceAll("[\\s/\\\\]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String title(FrontMatter split, Fields fields, String path, List<ContentProblem> problems)
            throws ContentException {
        Optional<String> title = fields.text("title");
        if (title.isPresent()) {
            return title.get();
        }
        if (!split.present()) {
            Matcher heading = FIRST_HEADING.matcher(split.body());
            if (heading.find()) {
                problems.add(ContentProblem.warning(path).line(SourceText.lineAt(split.body(), heading.start()))
                        .message("no front matter; the first heading is the title")
                        .hint("start the file with ---, title: \"…\", date: …, ---").build());
                return XmlText.clean(heading.group(1)).replaceAll("[*_`]", "").strip();
            }
            throw new ContentException(ContentProblem.error(path).line(1)
                    .message("no front matter and no '# heading', so the post has no title")
                    .hint("start the file with ---, title: \"…\", ---").build());
        }
        throw new ContentException(fields.error("title").line(split.yamlFirstLine())
                .message("the front matter has no title")
                .hint("add title: \"…\"; quote it if it contains ':'").build());
    }

    private Instant published(PostSource source, Fields fields, List<ContentProblem> problems) {
        Optional<Instant> declared = fields.text("date").flatMap(text -> date(fields, "date", text));
        if (declared.isPresent()) {
            return declared.get();
        }
        Optional<Instant> fromName = PostDates.fromFileName(source.stem());
        if (fromName.isPresent()) {
            return fromName.get();
        }
        problems.add(ContentProblem.warning(source.path())
                .message("no date; the file's modified time " + source.modified() + " is used, which changes"
                        + " when the file is copied")
                .hint("add date: to the front matter, such as date: 2025-01-30").build());
        return source.modified();
    }

    private static Optional<Instant> date(Fields fields, String key, String text) {
        Optional<Instant> date = PostDates.parse(text);
        if (date.isEmpty()) {
            fields.warn(key, key + ": '" + text + "' is not a date; it was ignored",
                    "write " + key + ": 2025-01-30 or 2025-01-30T10:15:00+03:00");
        }
        return date;
    }

    private String id(Fields fields, Language language, String slug) {
        Optional<String> declared = fields.text("id");
        if (declared.isPresent()) {
            try {
                URI uri = new URI(Urls.toAscii(declared.get()));
                if (uri.isAbsolute()) {
                    return uri.toString();
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            fields.warn("id", "id: '" + declared.get() + "' is not an absolute URI; a tag: URI is used",
                    "remove id: or give a full URI such as tag:example.org,2025:my-post");
        }
        return site.tagUri(language.tag() + "/" + Urls.segment(slug));
    }

    private static List<Tag> tags(Fields fields) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        for (String spelling : fields.textList("tags")) {
            Optional<Tag> tag = Tag.of(spelling);
            if (tag.isEmpty()) {
                fields.warn("tags", "tag '" + spelling + "' is empty once spaces and '/' are removed; it was left out",
                        "use letters or digits in tags");
                continue;
            }
            tags.putIfAbsent(tag.get().key(), tag.get());
        }
        return List.copyOf(tags.values());
    }

    private List<Author> authors(Fields fields) {
        Object value = fields.yaml().get("authors");
        if (value == null) {
            value = fields.yaml().get("author");
        }
        if (value == null) {
            return List.of();
        }
        String key = fields.yaml().has("authors") ? "authors" : "author";
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<Author> found = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> inline) {
                SiteFiles.authorOf(inline).ifPresentOrElse(found::add, () -> fields.warn(key,
                        "an inline author has no name; it was left out", "write {name: Full Name, url: https://…}"));
            } else if (item != null && !(item instanceof List<?>)) {
                String authorKey = String.valueOf(item).strip();
                Author author = authors.get(authorKey);
                if (author == null) {
                    fields.warn(key, "author '" + authorKey + "' is not in authors.yml; the key is shown as the name",
                            "add " + authorKey + ": {name: Full Name} to authors.yml");
                    author = new Author(authorKey, null, null, null);
                }
                found.add(author);
            }
        }
        return List.copyOf(found);
    }

    private static String absolute(String link, String base) {
        try {
            return Urls.toAscii(URI.create(Urls.toAscii(base)).resolve(Urls.toAscii(link)).toString());
        } catch (IllegalArgumentException e) {
            return Urls.toAscii(link);
        }
    }
}
