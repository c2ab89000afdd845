package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every published post of the site, indexed the ways feeds and pages look them up. Immutable: a
 * reload builds a new catalog and swaps it in whole.
 */
public final class Catalog {

    /** Newest first; ties broken by language and slug so that every build orders alike. */
    public static final Comparator<Post> NEWEST_FIRST = Comparator.comparing(Post::published).reversed()
            .thenComparing(post -> post.language().tag()).thenComparing(Post::slug);

    private final Site site;
    private final List<Post> posts;
    private final Map<String, Tag> tags;
    private final Map<Language, List<Post>> byLanguage;
    private final Map<String, List<Post>> byTag;
    private final Map<Language, Map<String, List<Post>>> byLanguageAndTag;
    private final Map<String, List<Post>> bySlug;
    private final List<ContentProblem> problems;
    private final int drafts;

    private Catalog(Site site, List<Post> posts, List<ContentProblem> problems, int drafts) {
        this.site = site;
        this.problems = List.copyOf(problems);
        this.drafts = drafts;
        this.tags = canonicalTags(posts);
        List<Post> labelled = new ArrayList<>(posts.size());
        for (Post post : posts) {
            labelled.add(post.withTags(post.tags().stream().map(tag -> tags.get(tag.key())).toList()));
        }
        labelled.sort(NEWEST_FIRST);
        this.posts = List.copyOf(labelled);

        Map<Language, List<Post>> languages = new TreeMap<>();
        Map<String, List<Post>> tagged = new HashMap<>();
        Map<Language, Map<String, List<Post>>> languageTagged = new TreeMap<>();
        Map<String, List<Post>> slugs = new HashMap<>();
        for (Post post : this.posts) {
            languages.computeIfAbsent(post.language(), k -> new ArrayList<>()).add(post);
            slugs.computeIfAbsent(post.slug(), k -> new ArrayList<>()).add(post);
            for (Tag tag : post.tags()) {
                tagged.computeIfAbsent(tag.key(), k -> new ArrayList<>()).add(post);
                languageTagged.computeIfAbsent(post.language(), k -> new HashMap<>())
                        .computeIfAbsent(tag.key(), k -> new ArrayList<>()).add(post);
            }
        }
        this.byLanguage = freeze(languages);
        this.byTag = freeze(tagged);
        Map<Language, Map<String, List<Post>>> frozen = new TreeMap<>();
        languageTagged.forEach((language, map) -> frozen.put(language, freeze(map)));
        this.byLanguageAndTag = Collections.unmodifiableMap(frozen);
        this.bySlug = freeze(slugs);
    }

    /**
     * Builds the catalog from parsed posts in file order. Drafts are left out; of two posts with the
     * same language and slug, or the same id, the first is kept and the second reported with both paths.
     */
    public static Catalog of(Site site, List<Post> parsed, List<ContentProblem> problems) {
        List<ContentProblem> allProblems = new ArrayList<>(problems);
        Map<String, Post> byPage = new LinkedHashMap<>();
        Map<String, Post> byId = new HashMap<>();
        int drafts = 0;
        for (Post post : parsed) {
            if (post.draft()) {
                drafts++;
                continue;
            }
            Post samePage = byPage.get(post.path());
            Post sameId = byId.get(post.id());
            if (samePage != null || sameId != null) {
                Post first = samePage != null ? samePage : sameId;
                String clash = samePage != null ? "slug '" + post.slug() + "' in " + post.language()
                        : "id '" + post.id() + "'";
                allProblems.add(ContentProblem.error(post.source())
                        .message("same " + clash + " as " + first.source() + ", which is kept; this post is not served")
                        .hint("give one of them another slug: (or id:)").build());
                continue;
            }
            byPage.put(post.path(), post);
            byId.put(post.id(), post);
        }
        return new Catalog(site, new ArrayList<>(byPage.values()), allProblems, drafts);
    }

    /** The first spelling of each tag, in file order, is its label everywhere. */
    private static Map<String, Tag> canonicalTags(List<Post> posts) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        for (Post post : posts) {
            for (Tag tag : post.tags()) {
                tags.putIfAbsent(tag.key(), tag);
            }
        }
        return Collections.unmodifiableMap(tags);
    }

    private static <K> Map<K, List<Post>> freeze(Map<K, List<Post>> map) {
        Map<K, List<Post>> copy = map instanceof TreeMap ? new TreeMap<>() : new HashMap<>();
        map.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    public Site site() {
        return site;
    }

    /** Published posts, newest first. */
    public List<Post> posts() {
        return posts;
    }

    /** What loading found: everything but what rendering bodies finds, see {@link #bodyProblems()}. */
    public List<ContentProblem> problems() {
        return problems;
    }

    /**
     * Renders every post's body, on all cores, and returns what rendering found wrong, by place. This is
     * the costly part of a load, which serving defers to each body's first use; strict mode and export
     * want every problem before they go on.
     */
    public List<ContentProblem> bodyProblems() {
        return posts.parallelStream().map(post -> post.body().problem()).flatMap(Optional::stream)
                .sorted(ContentProblem.BY_PLACE).toList();
    }

    public int drafts() {
        return drafts;
    }

    /** Languages with at least one published post, in tag order. */
    public List<Language> languages() {
        return List.copyOf(byLanguage.keySet());
    }

    public Optional<Language> language(String tag) {
        return Language.parse(tag).filter(byLanguage::containsKey);
    }

    public List<Post> posts(Language language) {
        return byLanguage.getOrDefault(language, List.of());
    }

    public Optional<Tag> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    /** Every tag, by key. */
    public List<Tag> tags() {
        return tags.values().stream().sorted(Comparator.comparing(Tag::key)).toList();
    }

    public List<Tag> tags(Language language) {
        return byLanguageAndTag.getOrDefault(language, Map.of()).keySet().stream().sorted().map(tags::get).toList();
    }

    public List<Post> posts(String tagKey) {
        return byTag.getOrDefault(tagKey, List.of());
    }

    public List<Post> posts(Language language, String tagKey) {
        return byLanguageAndTag.getOrDefault(language, Map.of()).getOrDefault(tagKey, List.of());
    }

    public Optional<Post> post(Language language, String slug) {
        return bySlug.getOrDefault(slug, List.of()).stream().filter(p -> p.language().equals(language)).findFirst();
    }

    /** The same post in other languages (same slug), in language order. */
    public List<Post> translationsOf(Post post) {
        return bySlug.getOrDefault(post.slug(), List.of()).stream()
                .filter(other -> !other.language().equals(post.language()))
                .sorted(Comparator.comparing(Post::language)).toList();
    }
}
