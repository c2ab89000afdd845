package dev.polyfeed.content;

import java.time.Instant;
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
import java.util.Objects;
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
    /** Where, in {@link #problems}, what building the catalog found follows what loading the files found. */
    private final int catalogProblemsFrom;
    private final int drafts;
    private final Timing timing;

    /**
     * What the time leaves out of the catalog: posts waiting for their date and posts expired, and when
     * the next of them comes in or goes, or an update dated ahead takes effect ({@link Instant#MAX}: never).
     */
    private record Timing(int scheduled, int expired, Instant nextChange) {
    }

    private Catalog(Site site, List<Post> posts, Map<String, Post> aliases, List<ContentProblem> problems,
            int catalogProblemsFrom, int drafts, Timing timing) {
        this.site = site;
        this.byAlias = aliases;
        this.problems = List.copyOf(problems);
        this.catalogProblemsFrom = catalogProblemsFrom;
        this.drafts = drafts;
        this.timing = timing;
        this.tags = canonicalTags(posts);
        Post[] labelled = new Post[posts.size()];
        for (int i = 0; i < labelled.length; i++) {
            labelled[i] = withCanonicalTags(posts.get(i), tags);
        }
        NewestFirst.sort(labelled, post -> post.published().getEpochSecond(), NEWEST_FIRST);
        this.posts = List.of(labelled);

        // every load builds these for every post: sized once, and the lists handed out as they are built
        // (read-only views) rather than copied again
        int expected = capacity(labelled.length);
        Map<Language, List<Post>> languages = new TreeMap<>();
        Map<String, List<Post>> tagged = new HashMap<>(capacity(tags.size()));
        Map<Language, Map<String, List<Post>>> languageTagged = new TreeMap<>();
        Map<String, List<Post>> slugs = new HashMap<>(expected);
        Map<String, List<Post>> translated = new HashMap<>();
        Map<String, Author> people = new LinkedHashMap<>();
        Map<String, List<Post>> authored = new HashMap<>();
        Map<Language, Map<String, List<Post>>> languageAuthored = new TreeMap<>();
        for (Post post : labelled) {
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
            List<Post> sameSlug = slugs.get(post.slug());
            if (sameSlug == null) {
                // most slugs are one post's: a list of one until a second comes
                slugs.put(post.slug(), List.of(post));
            } else {
                if (!(sameSlug instanceof ArrayList)) {
                    sameSlug = new ArrayList<>(sameSlug);
                    slugs.put(post.slug(), sameSlug);
                }
                sameSlug.add(post);
            }
            if (post.keys().translationKey() != null) {
                translated.computeIfAbsent(post.keys().translationKey(), k -> new ArrayList<>()).add(post);
            }
            Map<String, List<Post>> inLanguage = post.tags().isEmpty() ? null
                    : languageTagged.computeIfAbsent(post.language(), k -> new HashMap<>());
            for (Tag tag : post.tags()) {
                tagged.computeIfAbsent(tag.key(), k -> new ArrayList<>()).add(post);
                inLanguage.computeIfAbsent(tag.key(), k -> new ArrayList<>()).add(post);
            }
        }
        this.byLanguage = readOnly(languages);
        this.byTag = readOnly(tagged);
        languageTagged.replaceAll((language, map) -> readOnly(map));
        this.byLanguageAndTag = Collections.unmodifiableMap(languageTagged);
        this.bySlug = readOnly(slugs);
        this.byTranslationKey = readOnly(translated);
        this.authors = Collections.unmodifiableMap(people);
        this.byAuthor = readOnly(authored);
        languageAuthored.replaceAll((language, map) -> readOnly(map));
        this.byLanguageAndAuthor = Collections.unmodifiableMap(languageAuthored);
    }

    /** The post with each tag spelled as the site spells it: most posts already are, and stay as they are. */
    private static Post withCanonicalTags(Post post, Map<String, Tag> canonical) {
        List<Tag> own = post.tags();
        for (int i = 0; i < own.size(); i++) {
            if (!canonical.get(own.get(i).key()).equals(own.get(i))) {
                return post.withTags(own.stream().map(tag -> canonical.get(tag.key())).toList());
            }
        }
        return post;
    }

    /** A hash map's capacity for this many entries, so that building it never resizes. */
    private static int capacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }

    /**
     * Builds the catalog from parsed posts in file order, as it stands at {@code now}. Drafts and posts
     * outside their {@link Listing} are left out; every other post is served, each at an address and
     * with an id of its own (see {@link #distinctAddresses}).
     */
    public static Catalog of(Site site, List<Post> parsed, List<ContentProblem> problems, PostPlacement placement,
            Instant now) {
        List<ContentProblem> allProblems = new ArrayList<>(problems);
        int catalogProblemsFrom = allProblems.size();
        List<Post> published = new ArrayList<>();
        int drafts = 0;
        int scheduled = 0;
        int expired = 0;
        Instant next = Instant.MAX;
        for (Post post : parsed) {
            if (post.draft()) {
                drafts++;
                continue;
            }
            Listing listing = post.listing();
            Optional<Instant> change = listing.nextChangeAfter(now);
            if (change.isPresent() && change.get().isBefore(next)) {
                next = change.get();
            }
            if (listing.listedAt(now)) {
                if (post.updated().isAfter(now) && post.updated().isAfter(post.published())) {
                    // an update dated ahead counts from its instant on: until then no feed says the post
                    // was updated later than now (Atom's updated), and the republish at that instant
                    // shows it (the answer's Last-Modified is kept within its Date when served, for all)
                    published.add(post.beforeItsUpdate());
                    next = post.updated().isBefore(next) ? post.updated() : next;
                } else {
                    published.add(post);
                }
            } else if (listing.scheduledAt(now)) {
                scheduled++;
            } else {
                expired++;
            }
        }
        List<Post> addressed = distinctAddresses(site, published, allProblems, placement);
        return new Catalog(site, addressed, PostAliases.index(addressed, placement, allProblems), allProblems,
                catalogProblemsFrom, drafts, new Timing(scheduled, expired, next));
    }

    /**
     * Whether the catalog would index two versions of a post alike: the same file, address, id, date,
     * language, tags, authors, translation key and old addresses, only its title, summary, body or
     * other shown fields differ. Such an edit, the commonest there is, leaves every list of posts as
     * it was but for the one post in it (see {@link #replacing}).
     */
    public static boolean indexesAlike(Post a, Post b) {
        return a.source().equals(b.source()) && a.language().equals(b.language()) && a.slug().equals(b.slug())
                && a.id().equals(b.id()) && a.url().equals(b.url()) && a.published().equals(b.published())
                && a.tags().equals(b.tags()) && a.authors().equals(b.authors()) && a.draft() == b.draft()
                && a.listing().equals(b.listing())
                && Objects.equals(a.page(), b.page()) && a.keys().equals(b.keys());
    }

    /**
     * This catalog with some of its posts replaced by versions it indexes alike ({@link #indexesAlike}),
     * and the problems loading found replaced: what {@link #of} builds from the same files, made by
     * copying only the lists those posts are in. A reload after an edit to one post of fifty thousand
     * does not sort and index them all again.
     *
     * @param replaced each post as parsed before and its new version, as parsed now
     * @param loadProblems what loading the files found now, by place
     * @return empty when a post to replace is not one this catalog holds as it is
     */
    public Optional<Catalog> replacing(Map<Post, Post> replaced, List<ContentProblem> loadProblems) {
        Map<Post, Post> byHeld = new IdentityHashMap<>();
        for (Map.Entry<Post, Post> change : replaced.entrySet()) {
            Post parsed = change.getKey();
            Post now = change.getValue();
            Post held = post(parsed.language(), parsed.slug()).orElse(null);
            if (!indexesAlike(parsed, now) || held == null || !held.source().equals(parsed.source())) {
                return Optional.empty();
            }
            if (held != parsed) {
                // the catalog holds it with its tags spelled as the site spells them, and nothing else changed
                if (!held.equals(parsed.withTags(held.tags()))) {
                    return Optional.empty();
                }
                now = now.withTags(held.tags());
            }
            byHeld.put(held, now);
        }
        List<ContentProblem> problems = new ArrayList<>(loadProblems);
        problems.addAll(this.problems.subList(catalogProblemsFrom, this.problems.size()));
        return Optional.of(new Catalog(this, byHeld, problems, loadProblems.size()));
    }

    /** See {@link #replacing}: every list that holds a replaced post is copied with the new version in it. */
    private Catalog(Catalog before, Map<Post, Post> replaced, List<ContentProblem> problems, int catalogProblemsFrom) {
        this.site = before.site;
        this.problems = List.copyOf(problems);
        this.catalogProblemsFrom = catalogProblemsFrom;
        this.drafts = before.drafts;
        this.timing = before.timing;
        this.tags = before.tags;
        this.authors = before.authors;
        this.posts = swapped(before.posts, replaced);
        Map<Language, List<Post>> languages = new TreeMap<>(before.byLanguage);
        Map<String, List<Post>> tagged = new HashMap<>(before.byTag);
        Map<Language, Map<String, List<Post>>> languageTagged = new TreeMap<>(before.byLanguageAndTag);
        Map<String, List<Post>> slugs = new HashMap<>(before.bySlug);
        Map<String, List<Post>> translated = new HashMap<>(before.byTranslationKey);
        Map<String, List<Post>> authored = new HashMap<>(before.byAuthor);
        Map<Language, Map<String, List<Post>>> languageAuthored = new TreeMap<>(before.byLanguageAndAuthor);
        Map<String, Post> aliases = new HashMap<>(before.byAlias);
        for (Post held : replaced.keySet()) {
            Language language = held.language();
            languages.computeIfPresent(language, (k, list) -> swapped(list, replaced));
            slugs.computeIfPresent(held.slug(), (k, list) -> swapped(list, replaced));
            if (held.keys().translationKey() != null) {
                translated.computeIfPresent(held.keys().translationKey(), (k, list) -> swapped(list, replaced));
            }
            Map<String, List<Post>> inLanguage = new HashMap<>(languageTagged.getOrDefault(language, Map.of()));
            for (Tag tag : held.tags()) {
                tagged.computeIfPresent(tag.key(), (k, list) -> swapped(list, replaced));
                inLanguage.computeIfPresent(tag.key(), (k, list) -> swapped(list, replaced));
            }
            if (!held.tags().isEmpty()) {
                languageTagged.put(language, Collections.unmodifiableMap(inLanguage));
            }
            Map<String, List<Post>> theirs = new HashMap<>(languageAuthored.getOrDefault(language, Map.of()));
            for (Author author : held.authors()) {
                authored.computeIfPresent(author.key(), (k, list) -> swapped(list, replaced));
                theirs.computeIfPresent(author.key(), (k, list) -> swapped(list, replaced));
            }
            if (!held.authors().isEmpty()) {
                languageAuthored.put(language, Collections.unmodifiableMap(theirs));
            }
            for (String alias : held.keys().aliases()) {
                aliases.computeIfPresent(alias, (k, post) -> replaced.getOrDefault(post, post));
            }
        }
        this.byLanguage = Collections.unmodifiableMap(languages);
        this.byTag = Collections.unmodifiableMap(tagged);
        this.byLanguageAndTag = Collections.unmodifiableMap(languageTagged);
        this.bySlug = Collections.unmodifiableMap(slugs);
        this.byTranslationKey = Collections.unmodifiableMap(translated);
        this.byAuthor = Collections.unmodifiableMap(authored);
        this.byLanguageAndAuthor = Collections.unmodifiableMap(languageAuthored);
        this.byAlias = before.byAlias.isEmpty() ? before.byAlias : Collections.unmodifiableMap(aliases);
    }

    /** The list with each replaced post (found by identity) in its place; the list itself if it holds none. */
    private static List<Post> swapped(List<Post> list, Map<Post, Post> replaced) {
        Post[] copy = null;
        for (int i = 0; i < list.size(); i++) {
            Post now = replaced.get(list.get(i));
            if (now != null) {
                if (copy == null) {
                    copy = list.toArray(Post[]::new);
                }
                copy[i] = now;
            }
        }
        return copy == null ? list : List.of(copy);
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
        // nearly every address is one post's: only those of several get a list
        Map<String, Post> firstAt = new HashMap<>(capacity(posts.size()));
        Map<String, List<Post>> shared = new LinkedHashMap<>();
        for (Post post : posts) {
            String key = addressKey(post.language(), post.slug());
            Post first = firstAt.putIfAbsent(key, post);
            if (first != null) {
                shared.computeIfAbsent(key, k -> new ArrayList<>(List.of(first))).add(post);
            }
        }
        Map<String, Post> taken = firstAt;
        Map<Post, Post> moved = new IdentityHashMap<>();
        for (List<Post> same : shared.values()) {
            same.sort(Comparator.comparing(Post::published).thenComparing(Post::source));
            Post first = same.get(0);
            for (Post later : same.subList(1, same.size())) {
                String slug = free(taken, later, DAY.format(later.published()) + "-" + later.slug());
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
                    own = own.withSlug(free(taken, own, own.slug()), site, placement);
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

    /** {@code slug}, else {@code slug-2}, {@code slug-3}…: the first not taken in the post's language, now taken by it. */
    private static String free(Map<String, Post> taken, Post post, String slug) {
        String candidate = slug;
        for (int n = 2; taken.containsKey(addressKey(post.language(), candidate)); n++) {
            candidate = slug + "-" + n;
        }
        taken.put(addressKey(post.language(), candidate), post);
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

    /** The map, and each of its lists, read-only: built for this catalog alone, so not copied. */
    private static <K> Map<K, List<Post>> readOnly(Map<K, List<Post>> map) {
        map.replaceAll((key, list) -> list instanceof ArrayList ? Collections.unmodifiableList(list) : list);
        return Collections.unmodifiableMap(map);
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

    /** Posts not served because of the time: waiting for their date, or expired. */
    public int unlisted() {
        return timing.scheduled() + timing.expired();
    }

    /** Posts waiting for their date. */
    public int scheduled() {
        return timing.scheduled();
    }

    /**
     * When the next post comes in (its date) or goes (its expiry), or an update dated ahead takes
     * effect: from then on, this catalog is not what the content says, and the server republishes.
     */
    public Optional<Instant> nextListingChange() {
        return timing.nextChange().equals(Instant.MAX) ? Optional.empty() : Optional.of(timing.nextChange());
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
        String key = post.keys().translationKey();
        List<Post> candidates = key != null ? byTranslationKey.getOrDefault(key, List.of())
                : bySlug.getOrDefault(post.slug(), List.of());
        return candidates.stream()
                .filter(other -> !other.language().equals(post.language()) && Objects.equals(other.keys().translationKey(), key))
                .sorted(Comparator.comparing(Post::language)).toList();
    }

    /** The post an old address of it names (see {@link Post.Keys#aliasKey}), if one does. */
    public Optional<Post> aliased(String aliasKey) {
        return Optional.ofNullable(byAlias.get(aliasKey));
    }
}
