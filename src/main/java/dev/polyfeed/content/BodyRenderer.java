package dev.polyfeed.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Renders post bodies when first needed and keeps the most used renderings, bounded by bytes: a post
 * appears in a dozen or more feeds (its language, each of its tags, in three formats), which then
 * share one rendering, while a corpus of tens of thousands of posts never has to fit in memory
 * rendered. Thread-safe; one per server, shared by its successive loads.
 */
public final class BodyRenderer {

    private final MarkdownRenderer markdown;
    private final Cache<PostBody, MarkdownRenderer.Rendered> cache;
    private final java.util.function.Consumer<BodyText.Unavailable> unavailable;

    /** @param maxBytes most bytes of rendered HTML and summaries kept (Java strings: two bytes a char) */
    public BodyRenderer(MarkdownRenderer markdown, long maxBytes) {
        this(markdown, maxBytes, e -> { });
    }

    /**
     * @param unavailable told when a body's file no longer holds what was loaded: the content changed
     *        on disk, and whoever loads it should load it again
     */
    public BodyRenderer(MarkdownRenderer markdown, long maxBytes, java.util.function.Consumer<BodyText.Unavailable> unavailable) {
        this.markdown = markdown;
        this.unavailable = unavailable;
        // bodies are compared by what they render from: an unchanged post keeps its rendering across reloads
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes)
                .<PostBody, MarkdownRenderer.Rendered>weigher((body, rendered) ->
                        2 * (rendered.html().length() + rendered.excerpt().length()))
                .build();
    }

    MarkdownRenderer.Rendered rendered(PostBody body) {
        try {
            return cache.get(body, b -> render(b, b.markdown()));
        } catch (BodyText.Unavailable e) {
            unavailable.accept(e);
            throw e;
        }
    }

    /** A body rendered for its check, and what reading its Markdown repaired. */
    record Checked(MarkdownRenderer.Rendered rendered, java.util.List<ContentProblem> repaired) {
    }

    /**
     * Renders a body to check it, keeping nothing: a check reads every body once, and what feeds keep
     * rendered must stay in the cache. A rendering already kept is used as it is.
     */
    Checked check(PostBody body) {
        SourceText text = body.text().read(body.source());
        MarkdownRenderer.Rendered kept = cache.getIfPresent(body);
        return new Checked(kept != null ? kept : render(body, text.text()), text.warnings());
    }

    private MarkdownRenderer.Rendered render(PostBody body, String markdownText) {
        MarkdownRenderer.Rendered rendered = markdown.render(markdownText, body.language(), body.base(), body.root(), body.page());
        String summary = body.summaryMarkdown();
        if (summary == null) {
            return rendered;
        }
        // the author's own summary, as its generator makes it: the text before <!--more--> or truncate
        String excerpt = markdown.render(summary, body.language(), body.base(), body.root(), body.page()).excerpt();
        return new MarkdownRenderer.Rendered(rendered.html(), excerpt.isEmpty() ? rendered.excerpt() : excerpt,
                rendered.removed());
    }
}
