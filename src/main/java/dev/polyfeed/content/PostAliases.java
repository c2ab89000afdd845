package dev.polyfeed.content;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The old addresses of posts (Hugo's {@code aliases}), by {@link Post.Keys#aliasKey}: what a request
 * that names no document is looked up in, to be redirected to the post. An alias never hides a
 * document (serving only looks here when nothing else is at a path); one that would is reported, as is
 * an alias two posts claim, which the first file keeps.
 */
final class PostAliases {

    /** The names Polyfeed's own documents have at the end of a path, which an alias cannot take. */
    private static final Set<String> OWN_FILES = Set.of("rss.xml", "atom.xml", "feed.json", "feeds.opml",
            "feeds-atom.opml", "feeds-json.opml", "feed.xsl", "favicon.svg", "favicon.ico");

    private PostAliases() {
    }

    static Map<String, Post> index(List<Post> posts, PostPlacement placement, List<ContentProblem> problems) {
        if (posts.stream().allMatch(post -> post.keys().aliases().isEmpty())) {
            return Map.of();
        }
        Map<String, Post> pages = new HashMap<>();
        Set<String> languages = new HashSet<>();
        for (Post post : posts) {
            pages.put(Post.Keys.aliasKey(java.net.URLDecoder.decode(placement.path(post.language(), post.slug())
                    .replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)), post);
            languages.add(post.language().tag().toLowerCase(Locale.ROOT));
        }
        Map<String, Post> aliases = new HashMap<>();
        List<Post> inFileOrder = posts.stream().sorted(java.util.Comparator.comparing(Post::source)).toList();
        for (Post post : inFileOrder) {
            for (String alias : post.keys().aliases()) {
                String taken = takenBy(alias, pages, languages, aliases, post);
                if (taken != null) {
                    problems.add(ContentProblem.warning(post.source(), ProblemKind.SAME_ADDRESS)
                            .message("alias " + alias + " is " + taken + ", which wins: it does not redirect to this post")
                            .hint("remove it from aliases:, or give it a path nothing else has").build());
                }
                // kept even so: serving looks here only when no document answers at the path
                aliases.putIfAbsent(alias, post);
            }
        }
        return Collections.unmodifiableMap(aliases);
    }

    /** What already answers at the alias's path, or null when nothing does. */
    private static String takenBy(String alias, Map<String, Post> pages, Set<String> languages, Map<String, Post> aliases,
            Post post) {
        Post page = pages.get(alias);
        if (page != null) {
            return page == post ? null : "the address of " + page.source();
        }
        Post other = aliases.get(alias);
        if (other != null && other != post) {
            return "an alias of " + other.source();
        }
        String[] segments = alias.substring(1).split("/");
        String first = segments[0];
        String last = segments[segments.length - 1];
        boolean ownFolder = first.equals("tags") || first.equals("authors")
                || languages.contains(first) && (segments.length == 1 || segments.length > 1
                        && List.of("tags", "authors", "archive").contains(segments[1]));
        if (alias.equals("/") || OWN_FILES.contains(last) || ownFolder) {
            return "where Polyfeed serves its own pages and feeds";
        }
        return null;
    }
}
