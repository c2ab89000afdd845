package dev.polyfeed.content;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code site.yml} and {@code authors.yml}: pure, from text to records plus problems. */
public final class SiteFiles {

    private static final String FALLBACK_ID_DATE = "2000";

    private SiteFiles() {
    }

    /**
     * @param yaml the text of site.yml, empty when there is none
     * @param baseUrlOverride {@code polyfeed.base-url}, which wins over the file
     */
    public static Site site(Optional<String> yaml, String path, Optional<String> baseUrlOverride,
            ProblemCollector problems) {
        YamlMapping mapping = YamlMapping.empty();
        if (yaml.isEmpty()) {
            problems.add(ContentProblem.warning(path, ProblemKind.SITE).message("no site.yml; the site is titled '"
                    + Site.DEFAULT_TITLE + "'").hint("add site.yml with title, description and id").build());
        } else {
            try {
                mapping = YamlMapping.parse(yaml.get(), path, 1);
            } catch (ContentException e) {
                problems.add(e.problem());
            }
        }
        Fields fields = new Fields(mapping, path, problems, ProblemKind.SITE);
        String title = fields.text("title").orElse(Site.DEFAULT_TITLE);
        String description = fields.text("description").orElse("");
        String baseUrl = baseUrl(fields, baseUrlOverride, problems, path);

        Map<?, ?> id = mapping.get("id") instanceof Map<?, ?> map ? map : Map.of();
        String authority = Optional.ofNullable(id.get("authority")).map(String::valueOf).map(String::strip).orElse("");
        String date = Optional.ofNullable(id.get("date")).map(String::valueOf).map(String::strip).orElse("");
        if (!Site.AUTHORITY.matcher(authority).matches() || !Site.TAG_DATE.matcher(date).matches()) {
            authority = URI.create(baseUrl).getHost();
            date = FALLBACK_ID_DATE;
            problems.add(fields.error("id", ProblemKind.SITE).severity(Severity.WARNING)
                    .message("no valid id: authority and date; permanent ids fall back to tag:" + authority
                            + "," + date + ":…, which change if the site moves")
                    .hint("add id: {authority: example.org, date: 2025-01-01} with a domain you owned on that date,"
                            + " and never change it")
                    .build());
        }
        return new Site(title, description, baseUrl, authority, date, languageTexts(mapping, fields));
    }

    private static String baseUrl(Fields fields, Optional<String> override, ProblemCollector problems,
            String path) {
        if (override.isPresent()) {
            // A wrong operator setting is not an author's mistake to skip past: fail loudly at startup.
            return Site.normaliseBaseUrl(override.get());
        }
        Optional<String> fromFile = fields.text("base-url");
        if (fromFile.isPresent()) {
            try {
                return Site.normaliseBaseUrl(fromFile.get());
            } catch (IllegalArgumentException e) {
                problems.add(fields.error("base-url", ProblemKind.SITE).severity(Severity.WARNING)
                        .message(e.getMessage() + "; using " + Site.DEFAULT_BASE_URL)
                        .hint("write the full URL, such as https://example.org/blog").build());
            }
        }
        return Site.DEFAULT_BASE_URL;
    }

    private static Map<String, Site.LanguageText> languageTexts(YamlMapping mapping, Fields fields) {
        Map<String, Site.LanguageText> texts = new LinkedHashMap<>();
        if (!(mapping.get("languages") instanceof Map<?, ?> languages)) {
            if (mapping.has("languages")) {
                fields.warn("languages", "'languages' should map language tags to title and description",
                        "write languages: {tr: {title: …, description: …}}");
            }
            return texts;
        }
        languages.forEach((key, value) -> {
            Optional<Language> language = Language.parse(String.valueOf(key));
            if (language.isEmpty() || !(value instanceof Map<?, ?> entry)) {
                fields.warn("languages", "languages: '" + key + "' is not a language tag with title and description",
                        "use BCP 47 tags such as tr or pt-BR");
                return;
            }
            texts.put(language.get().tag(), new Site.LanguageText(
                    textOf(entry.get("title")), textOf(entry.get("description"))));
        });
        return texts;
    }

    /** authors.yml: author keys to name, url, image and title (Docusaurus's format). */
    public static Map<String, Author> authors(Optional<String> yaml, String path, ProblemCollector problems) {
        Map<String, Author> authors = new LinkedHashMap<>();
        if (yaml.isEmpty()) {
            return authors;
        }
        YamlMapping mapping;
        try {
            mapping = YamlMapping.parse(yaml.get(), path, 1);
        } catch (ContentException e) {
            problems.add(e.problem());
            return authors;
        }
        mapping.values().forEach((key, value) -> {
            Optional<Author> author = value instanceof Map<?, ?> map ? authorOf(map) : Optional.empty();
            if (author.isEmpty()) {
                problems.add(ContentProblem.warning(path, ProblemKind.SITE).line(mapping.lineOf(key))
                        .message("author '" + key + "' has no name; posts naming it show the key instead")
                        .hint("write " + key + ": {name: Full Name, url: https://…}").build());
                return;
            }
            authors.put(key, author.get().withKey(key));
        });
        return authors;
    }

    /** An author from a mapping such as {name, url, image_url, title}, as in authors.yml or inline. */
    static Optional<Author> authorOf(Map<?, ?> map) {
        String name = textOf(map.get("name"));
        if (name.isBlank()) {
            return Optional.empty();
        }
        String image = textOf(map.get("image_url"));
        if (image.isBlank()) {
            image = textOf(map.get("image"));
        }
        return Optional.of(new Author(name, textOf(map.get("url")), image, textOf(map.get("title"))));
    }

    private static String textOf(Object value) {
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? ""
                : XmlText.clean(String.valueOf(value)).strip();
    }
}
