package dev.polyfeed.content;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every published post of the site, indexed the ways feeds and pages look them up. Immutable: a
 * reload builds a new catalog and swaps it in whole.
 */
public final class Catalog {

    /** Newest first; ties broken by language and slug so that every build orders alike. */
    public static final Comparator<Post> NEWEST_FIRST = Catalog::newestFirst;

    // written out rather than chained key extractors: every load sorts every post with it
    private static int newestFirst(Post a, Post b) {
        int byDate = b.published().compareTo(a.published());
        if (byDate != 0) {
            return byDate;
        }
        int byLanguage = a.language().tag().compareTo(b.language().tag());
        return byLanguage != 0 ? byLanguage : a.slug().compareTo(b.slug());
    }

    private final Site site;
    private final List<Post> posts;
    private final Map<String, Tag> tags;
    private final Map<Language, List<Post>> byLanguage;
    private final Map<String, List<Post>> byTag;
    private final Map<Language, Map<String, List<Post>>> byLanguageAndTag;
    private final Map<String, List<Post>> bySlug;
    private final Map<String, List<Post>> byTranslationKey;
    private final Map<String, Post> byAlias;
    private final Map<String, Author> authors;
    private final Map<String, List<Post>> byAuthor;
    private final Map<Language, Map<String, List<Post>>> byLanguageAndAuthor;
    private final List<ContentProblem> problems;
    private final int drafts;

    private Catalog(Site site, List<Post> posts, Map<String, Post> aliases, List<ContentProblem> problems, int drafts) {
        this.site = site;
        this.byAlias = aliases;
        this.problems = List.copyOf(problems);
        this.drafts = drafts;
        this.tags = canonicalTags(posts);
        List<Post> labelled = new ArrayList<>(posts.size());
        for (Post post : posts) {
            List<Tag> canonical = post.tags().stream().map(tag -> tags.get(tag.key())).toList();
            // most posts spell their tags as the first post did: they stay as they are
            labelled.add(canonical.equals(post.tags()) ? post : post.withTags(canonical));
        }
        labelled.sort(NEWEST_FIRST);
        this.posts = List.copyOf(labelled);

        Map<Language, List<Post>> languages = new TreeMap<>();
        Map<String, List<Post>> tagged = new HashMap<>();
        Map<Language, Map<String, List<Post>>> languageTagged = new TreeMap<>();
        Map<String, List<Post>> slugs = new HashMap<>();
        Map<String, List<Post>> translated = new HashMap<>();
        Map<String, Author> people = new LinkedHashMap<>();
        Map<String, List<Post>> authored = new HashMap<>();
        Map<Language, Map<String, List<Post>>> languageAuthored = new TreeMap<>();
        for (Post post : this.posts) {
            for (Author author : post.authors()) {
                people.putIfAbsent(author.key(), author);
                List<Post> theirs = authored.computeIfAbsent(author.key(), k -> new ArrayList<>());
                // an author named twice on one post is one author of it
                if (theirs.isEmpty() || theirs.get(theirs.size() - 1) != post) {
                    theirs.add(post);
                    languageAuthored.computeIfAbsent(post.language(), k -> new HashMap<>())
                            .computeIfAbsent(author.key(), k -> new ArrayList<>()).add(post);
                }
            }
            languages.computeIfAbsent(post.language(), k -> new ArrayList<>()).add(post);
            slugs.computeIfAbsent(post.slug(), k -> new ArrayList<>()).add(post);
            translated.computeIfAbsent(translationKey(post), k -> new ArrayList<>()).add(post);
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
        this.byTranslationKey = freeze(translated);
        this.authors = Collections.unmodifiableMap(people);
        this.byAuthor = freeze(authored);
        Map<Language, Map<String, List<Post>>> frozenAuthors = new TreeMap<>();
        languageAuthored.forEach((language, map) -> frozenAuthors.put(language, freeze(map)));
        this.byLanguageAndAuthor = Collections.unmodifiableMap(frozenAuthors);
    }

    /**
     * Builds the catalog from parsed posts in file order. Drafts are left out; every other post is
     * served, each at an address and with an id of its own (see {@link #distinctAddresses}).
     */
    public static Catalog of(Site site, List<Post> parsed, List<ContentProblem> problems, PostPlacement placement) {
        List<ContentProblem> allProblems = new ArrayList<>(problems);
        List<Post> published = new ArrayList<>();
        int drafts = 0;
        for (Post post : parsed) {
            if (post.draft()) {
                drafts++;
            } else {
                published.add(post);
            }
        }
        List<Post> addressed = distinctAddresses(site, published, allProblems, placement);
        return new Catalog(site, addressed, PostAliases.index(addressed, placement, allProblems), allProblems, drafts);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /**
     * Gives every post an address and an id of its own, dropping none. Of the posts that share a slug
     * in one language (a series of "meeting notes", an FAQ rewritten two years on), the oldest keeps the
     * slug, and each later one is qualified by its date ({@code 2022-05-01-dockershim-faq}), as Hugo's
     * {@code /:year/:month/:day/:slug/} and Docusaurus's date paths are: a post whose slug is unique,
     * and the first of a series, keep the address and id they always had, so a new post never changes
     * an old one's id. A post declaring an id that an earlier file (in path order) declared already
     * gets the id derived from its address instead.
     */
    static List<Post> distinctAddresses(Site site, List<Post> posts, List<ContentProblem> problems,
            PostPlacement placement) {
        Map<String, List<Post>> byPath = new LinkedHashMap<>();
        for (Post post : posts) {
            byPath.computeIfAbsent(addressKey(post.language(), post.slug()), k -> new ArrayList<>()).add(post);
        }
        Set<String> taken = new HashSet<>(byPath.keySet());
        Map<Post, Post> moved = new IdentityHashMap<>();
        for (List<Post> same : byPath.values()) {
            if (same.size() < 2) {
                continue;
            }
            same.sort(Comparator.comparing(Post::published).thenComparing(Post::source));
            Post first = same.get(0);
            for (Post later : same.subList(1, same.size())) {
                String slug = free(taken, placement, later.language(), DAY.format(later.published()) + "-" + later.slug());
                Post qualified = later.withSlug(slug, site, placement);
                moved.put(later, qualified);
                problems.add(ContentProblem.warning(later.source(), ProblemKind.SAME_ADDRESS)
                        .message("same slug '" + later.slug() + "' in " + later.language() + " as the older "
                                + first.source() + ", which keeps " + placement.path(first.language(), first.slug())
                                + "; this post is served at " + placement.path(qualified.language(), qualified.slug()))
                        .hint("give this post a slug: of its own to choose its address").build());
            }
        }
        List<Post> addressed = new ArrayList<>(posts.size());
        Map<String, Post> byId = new HashMap<>();
        for (Post original : posts) {
            Post post = moved.getOrDefault(original, original);
            Post holder = byId.get(post.id());
            if (holder != null) {
                Post own = post.withDerivedId(site);
                while (byId.containsKey(own.id())) {
                    own = own.withSlug(free(taken, placement, own.language(), own.slug()), site, placement);
                }
                problems.add(ContentProblem.warning(post.source(), ProblemKind.SAME_ADDRESS)
                        .message("id '" + post.id() + "' is already the id of " + holder.source()
                                + "; this post's id is " + own.id())
                        .hint("ids must be unique: remove id: or give this post its own").build());
                post = own;
            }
            byId.put(post.id(), post);
            addressed.add(post);
        }
        return addressed;
    }

    /** {@code slug}, else {@code slug-2}, {@code slug-3}…: the first not taken in the language, now taken. */
    private static String free(Set<String> taken, PostPlacement placement, Language language, String slug) {
        String candidate = slug;
        for (int n = 2; taken.contains(addressKey(language, candidate)); n++) {
            candidate = slug + "-" + n;
        }
        taken.add(addressKey(language, candidate));
        return candidate;
    }

    /**
     * What tells two posts' addresses apart: the language and the slug, which the address is made of
     * (and a slug holds no '/'). Cheaper than the address itself, for every post of every load.
     */
    private static String addressKey(Language language, String slug) {
        return language.tag() + "/" + slug;
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
        return posts.parallelStream().flatMap(post -> post.body().problems().stream())
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

    /** Everyone credited on a published post, by key; the first spelling seen (newest post first) is shown. */
    public List<Author> authors() {
        return authors.values().stream().sorted(Comparator.comparing(Author::key)).toList();
    }

    public List<Author> authors(Language language) {
        return byLanguageAndAuthor.getOrDefault(language, Map.of()).keySet().stream().sorted().map(authors::get).toList();
    }

    public Optional<Author> author(String key) {
        return Optional.ofNullable(authors.get(key));
    }

    /** An author's posts in every language, newest first. */
    public List<Post> postsBy(String authorKey) {
        return byAuthor.getOrDefault(authorKey, List.of());
    }

    public List<Post> postsBy(Language language, String authorKey) {
        return byLanguageAndAuthor.getOrDefault(language, Map.of()).getOrDefault(authorKey, List.of());
    }

    public Optional<Post> post(Language language, String slug) {
        return bySlug.getOrDefault(slug, List.of()).stream().filter(p -> p.language().equals(language)).findFirst();
    }

    /**
     * The same post in other languages, in language order: those sharing its translation key when it
     * has one (Hugo's rule, whatever their slugs), else those sharing its slug and naming no key.
     */
    public List<Post> translationsOf(Post post) {
        return byTranslationKey.getOrDefault(translationKey(post), List.of()).stream()
                .filter(other -> !other.language().equals(post.language()))
                .sorted(Comparator.comparing(Post::language)).toList();
    }

    private static String translationKey(Post post) {
        String key = post.keys().translationKey();
        return key != null ? "key:" + key : "slug:" + post.slug();
    }

    /** The post an old address of it names (see {@link Post.Keys#aliasKey}), if one does. */
    public Optional<Post> aliased(String aliasKey) {
        return Optional.ofNullable(byAlias.get(aliasKey));
    }
}
