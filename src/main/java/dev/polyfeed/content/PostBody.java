package dev.polyfeed.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A post's Markdown as written, rendered to HTML only when a feed or page first needs it: loading
 * then costs reading the front matter, not rendering every post, so startup stays short as content
 * grows. Rendering is deterministic, so a body behaves as an immutable value. Where the Markdown is
 * kept until then (in memory, or left in the post's file) is its {@link BodyText}.
 */
public final class PostBody {

    private static final int MAX_LISTED_REMOVALS = 10;

    private final String source;
    private final int firstLine;
    private final BodyText text;
    private final Language language;
    private final String postUrl;
    private final BodyRenderer renderer;
    private final Resolution resolution;
    private final int hash;

    /**
     * How a generator site's body resolves its links: against its page on that site ({@code fixedBase}),
     * or below Polyfeed's address for the post ({@code folderBase}: {@code img.png} beside
     * {@code index.md} is {@code /en/posts/slug/img.png}, which Polyfeed serves); {@code root} is where
     * {@code /images/x.png} resolves, when the site's address is known; {@code summaryBytes} is where the
     * author ended the summary ({@code <!--more-->}) in Markdown kept in memory, or -1.
     */
    public record Resolution(String fixedBase, boolean folderBase, String root, int summaryBytes) {
        static final Resolution POST_URL = new Resolution(null, false, null, -1);
        /** Below Polyfeed's address for the post, where the files beside it are served. */
        static final Resolution POST_FOLDER = new Resolution(null, true, null, -1);
    }

    /**
     * @param source the post's file, as reported in problems
     * @param firstLine line of the file the body starts at
     * @param markdown the Markdown as UTF-8; kept, not copied
     * @param postUrl absolute URL relative links are resolved against
     */
    public PostBody(String source, int firstLine, byte[] markdown, Language language, String postUrl,
            BodyRenderer renderer) {
        this(source, firstLine, new BodyText.Inline(markdown), language, postUrl, renderer, Resolution.POST_URL);
    }

    public PostBody(String source, int firstLine, byte[] markdown, Language language, String postUrl,
            BodyRenderer renderer, Resolution resolution) {
        this(source, firstLine, new BodyText.Inline(markdown), language, postUrl, renderer, resolution);
    }

    /** @param text where the Markdown is until it is rendered */
    public PostBody(String source, int firstLine, BodyText text, Language language, String postUrl,
            BodyRenderer renderer, Resolution resolution) {
        this.resolution = Objects.requireNonNull(resolution, "resolution");
        this.source = Objects.requireNonNull(source, "source");
        this.firstLine = firstLine;
        this.text = Objects.requireNonNull(text, "text");
        this.language = Objects.requireNonNull(language, "language");
        this.postUrl = Objects.requireNonNull(postUrl, "postUrl");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        if (resolution.summaryBytes() >= 0 && !(text instanceof BodyText.Inline)) {
            throw new IllegalArgumentException("a summary's end is a place in Markdown kept in memory");
        }
        this.hash = ((text.hashCode() * 31 + language.hashCode()) * 31 + postUrl.hashCode()) * 31
                + resolution.hashCode();
    }

    /**
     * Bodies are equal when they render alike: the same Markdown (the same bytes, or the same unchanged
     * file), language and address. A reload makes new bodies, and those of unchanged posts find their
     * rendering in the renderer's cache, so an edit re-renders the post it changed, not the whole site.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PostBody body && hash == body.hash && language.equals(body.language)
                && postUrl.equals(body.postUrl) && resolution.equals(body.resolution) && text.equals(body.text);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The same body with relative links resolved against another address. */
    public PostBody withPostUrl(String url) {
        return new PostBody(source, firstLine, text, language, url, renderer, resolution);
    }

    /**
     * The same body with its Markdown rewritten (a link to another post filled in once every post is
     * known); the end of the summary moves with it. The result is kept in memory.
     */
    PostBody rewritten(java.util.function.UnaryOperator<String> rewrite) {
        String summary = summaryMarkdown();
        int summaryBytes = summary == null ? -1 : rewrite.apply(summary).getBytes(StandardCharsets.UTF_8).length;
        return new PostBody(source, firstLine, new BodyText.Inline(rewrite.apply(markdown()).getBytes(StandardCharsets.UTF_8)),
                language, postUrl, renderer,
                new Resolution(resolution.fixedBase(), resolution.folderBase(), resolution.root(), summaryBytes));
    }

    /** The absolute URL relative links and images resolve against. */
    public String base() {
        if (resolution.fixedBase() != null) {
            return resolution.fixedBase();
        }
        return resolution.folderBase() ? postUrl + "/" : postUrl;
    }

    /** The page itself, which {@code #heading} links resolve against, whatever {@link #base()} its files are below. */
    public String page() {
        return resolution.fixedBase() != null ? resolution.fixedBase() : postUrl;
    }

    /** Where root-relative links ({@code /images/x.png}) resolve, or null: against {@link #base()}. */
    public String root() {
        return resolution.root();
    }

    /** The Markdown of the author's summary (before {@code <!--more-->}), or null when the body has no marker. */
    public String summaryMarkdown() {
        int end = resolution.summaryBytes();
        if (end < 0 || !(text instanceof BodyText.Inline inline) || end > inline.bytes().length) {
            return null;
        }
        return new String(inline.bytes(), 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Feeds what the body renders from (its Markdown, language and address) into a digest, without
     * rendering it, nor reading a body kept in its file: what tells whether a post changed between two
     * loads.
     */
    public void digestInto(MessageDigest digest) {
        text.digestInto(digest);
        digest.update(language.tag().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(postUrl.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** @throws BodyText.Unavailable when the body's file no longer holds what was loaded */
    public String markdown() {
        return text.read(source).text();
    }

    BodyText text() {
        return text;
    }

    String source() {
        return source;
    }

    public Language language() {
        return language;
    }

    public String postUrl() {
        return postUrl;
    }

    /**
     * The body rendered: from the renderer's cache, or rendered now.
     *
     * @throws BodyText.Unavailable when the body's file no longer holds what was loaded
     */
    public MarkdownRenderer.Rendered rendered() {
        return renderer.rendered(this);
    }

    /**
     * What rendering found wrong with the body, each at its line of the file: bytes that had to be
     * repaired, and one problem naming everything sanitising removed. A renderer that throws is
     * reported too, rather than ending whoever checks every body. Renders without keeping the result
     * (a check of every body must not push out of the cache what feeds use).
     */
    public List<ContentProblem> problems() {
        BodyRenderer.Checked checked;
        try {
            checked = renderer.check(this);
        } catch (BodyText.Unavailable e) {
            return List.of(ContentProblem.warning(source, ProblemKind.RENDERING).line(firstLine)
                    .message("the body was not checked: " + e.getMessage())
                    .hint("the reload that the change starts checks it").build());
        } catch (RuntimeException e) {
            return List.of(ContentProblem.error(source, ProblemKind.RENDERING).line(firstLine)
                    .message("the body cannot be rendered: " + e)
                    .hint("feeds holding this post fail until it changes; please report it with the file").build());
        }
        List<ContentProblem> problems = new java.util.ArrayList<>();
        for (ContentProblem repaired : checked.repaired()) {
            problems.add(new ContentProblem(repaired.severity(), repaired.kind(), repaired.path(),
                    repaired.line() == 0 ? 0 : repaired.line() + firstLine - 1, repaired.message(), repaired.hint()));
        }
        List<UnsafeHtml.Removal> removed = checked.rendered().removed();
        if (!removed.isEmpty()) {
            // one line for the file, however many removals: each named with its own line
            String list = removed.stream().limit(MAX_LISTED_REMOVALS)
                    .map(removal -> removal.what() + " (line " + fileLine(removal) + ")").collect(Collectors.joining(", "));
            if (removed.size() > MAX_LISTED_REMOVALS) {
                list += " and " + (removed.size() - MAX_LISTED_REMOVALS) + " more";
            }
            problems.add(ContentProblem.warning(source, ProblemKind.UNSAFE_HTML).line(fileLine(removed.get(0)))
                    .message("HTML that feeds must not carry was removed: " + list)
                    .hint("write the post in Markdown; embed media as links or images").build());
        }
        return problems;
    }

    /** The first of {@link #problems()}, if any. */
    public Optional<ContentProblem> problem() {
        return problems().stream().findFirst();
    }

    private int fileLine(UnsafeHtml.Removal removal) {
        return firstLine + removal.line() - 1;
    }
}
