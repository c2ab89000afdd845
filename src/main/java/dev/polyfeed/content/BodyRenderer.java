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

    /** @param maxBytes most bytes of rendered HTML and summaries kept (Java strings: two bytes a char) */
    public BodyRenderer(MarkdownRenderer markdown, long maxBytes) {
        this.markdown = markdown;
        // bodies are compared by what they render from: an unchanged post keeps its rendering across reloads
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes)
                .<PostBody, MarkdownRenderer.Rendered>weigher((body, rendered) ->
                        2 * (rendered.html().length() + rendered.excerpt().length()))
                .build();
    }

    MarkdownRenderer.Rendered rendered(PostBody body) {
        return cache.get(body, this::render);
    }

    private MarkdownRenderer.Rendered render(PostBody body) {
        MarkdownRenderer.Rendered rendered = markdown.render(body.markdown(), body.language(), body.base(), body.root(), body.page());
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
