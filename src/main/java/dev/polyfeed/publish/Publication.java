package dev.polyfeed.publish;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.FeedScope;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.ContentProblem;
import dev.polyfeed.content.PostBody;
import dev.polyfeed.content.ProblemSummary;
import dev.polyfeed.address.FeedScope;

/**
 * Everything Polyfeed serves for one version of the content: the catalog, and every document by site
 * path. Which documents exist is known at load; each is rendered and compressed once, on its first
 * request, and kept in a cache bounded by bytes, so that tens of thousands of posts (and the archive
 * pages of every tag feed) fit in memory. Immutable as seen from outside: a reload builds a new
 * publication and swaps it in whole, so a request sees either the old content or the new, never a mix.
 */
public final class Publication {

    private final ContentLoader.Result load;
    private final List<FeedScope> feeds;
    private final Map<String, Document> documents;
    private final List<Address> addresses;
    /** Each feed document as a page, by the feed's path: what browsers get there. */
    private final Map<String, Supplier<Representation>> views;
    private final Cache<String, Representation> rendered;
    private final RenderGate gate;
    private final PublishingStats stats;
    /** Replaced by a newer publication: what it still renders for requests in flight is not kept. */
    private volatile boolean retired;
    private final CompletableFuture<List<ContentProblem>> bodyProblems = new CompletableFuture<>();
    private volatile Map<PostBody, List<ContentProblem>> checked = Map.of();
    /** What loading found, summarised once; then with what rendering every body found, once that is known. */
    private volatile ProblemSummary problems;

    /** A document's address and how to render it, found by its path. */
    private record Document(Address address, Supplier<Representation> render) {
    }

    /**
     * @param documents how to render each document, by its address
     * @param views how to render the page a browser gets instead of a document, for the documents that have one
     * @param cacheBytes most bytes of rendered documents kept
     */
    public Publication(ContentLoader.Result load, List<FeedScope> feeds, Map<Address, Supplier<Representation>> documents,
            Map<Address, Supplier<Representation>> views, long cacheBytes, RenderGate gate) {
        this(load, feeds, documents, views, cacheBytes, gate, new PublishingStats());
    }

    /** @param stats where lookups of rendered documents are counted, for metrics */
    public Publication(ContentLoader.Result load, List<FeedScope> feeds, Map<Address, Supplier<Representation>> documents,
            Map<Address, Supplier<Representation>> views, long cacheBytes, RenderGate gate, PublishingStats stats) {
        this.load = load;
        this.gate = gate;
        this.stats = stats;
        this.problems = ProblemSummary.of(load.catalog().problems());
        this.feeds = List.copyOf(feeds);
        // requests name documents by path: looked up by it on every request, so keyed by it once here
        // not copied again into an immutable map: a site's documents number in the hundreds of thousands
        Map<String, Document> byPath = new HashMap<>(documents.size() * 2);
        documents.forEach((address, render) -> byPath.put(address.path(), new Document(address, render)));
        this.documents = java.util.Collections.unmodifiableMap(byPath);
        Map<String, Supplier<Representation>> viewsByPath = new HashMap<>(views.size() * 2);
        views.forEach((address, render) -> viewsByPath.put(address.path(), render));
        this.views = java.util.Collections.unmodifiableMap(viewsByPath);
        this.addresses = List.copyOf(documents.keySet());
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .<String, Representation>weigher((path, document) -> document.body().length + document.gzipBody().length)
                .build();
    }

    public ContentLoader.Result load() {
        return load;
    }

    public Catalog catalog() {
        return load.catalog();
    }

    /** What rendering every post body found, once that check has run: see {@link Catalog#bodyProblems()}. */
    public Optional<List<ContentProblem>> bodyProblems() {
        return Optional.ofNullable(bodyProblems.getNow(null));
    }

    /** Waits for the body check, for those who must not go on without it (export). */
    public List<ContentProblem> awaitBodyProblems() {
        return bodyProblems.join();
    }

    void bodiesChecked(List<ContentProblem> found) {
        bodiesChecked(found, Map.of());
    }

    /** @param checked what the check found per body, for the next publication's check to reuse */
    void bodiesChecked(List<ContentProblem> found, Map<PostBody, List<ContentProblem>> checked) {
        this.checked = checked;
        problems = ProblemSummary.of(load.catalog().problems(), found);
        bodyProblems.complete(List.copyOf(found));
    }

    /**
     * What checking each body found, for the bodies checked so far: a body equal to one of these
     * renders alike (the same Markdown or unchanged file, language and address), so its problems are
     * known without rendering it again.
     */
    Map<PostBody, List<ContentProblem>> checkedBodies() {
        return checked;
    }

    /**
     * Every problem of this publication's content, summarised once for the log, readiness and strict
     * mode: what loading found, and what rendering the bodies found once they have been checked.
     */
    public ProblemSummary problems() {
        return problems;
    }

    public List<FeedScope> feeds() {
        return feeds;
    }

    /** Every site path there is a document at. */
    public Set<String> paths() {
        return documents.keySet();
    }

    /** Every document's address. */
    public List<Address> addresses() {
        return addresses;
    }

    public boolean exists(String path) {
        return documents.containsKey(path);
    }

    /** Whether the document at this path has a page for browsers (a feed's). */
    public boolean hasView(String path) {
        return views.containsKey(path);
    }

    /** The address of the document at a canonical site path, if there is one there: one lookup. */
    public Optional<Address> addressAt(String path) {
        Document document = documents.get(path);
        return document == null ? Optional.empty() : Optional.of(document.address());
    }

    /**
     * The document at a canonical site path, or its page for browsers, if it is rendered already: no
     * work, safe on an event loop. Found, it counts as a cache hit; not found, nothing is counted, since
     * the caller goes on to {@link #find}, which counts.
     */
    public Optional<Representation> cached(String path, boolean view) {
        Representation document = rendered.getIfPresent(cacheKey(path, view));
        if (document == null) {
            return Optional.empty();
        }
        stats.hit();
        return Optional.of(document);
    }

    /**
     * The document at a canonical site path such as {@code /tr/rss.xml}, or its page for browsers,
     * rendered if not yet cached. Concurrent first requests for one document render it once (the others
     * wait for that render); renders of different documents are bounded by the {@link RenderGate}.
     *
     * @param view the page for browsers, where the document has one (else the document itself)
     * @throws RenderGate.Busy when every render stayed busy for as long as a request may wait
     */
    public Optional<Representation> find(String path, boolean view) {
        boolean asView = view && views.containsKey(path);
        Supplier<Representation> render = asView ? views.get(path) : renderOf(path);
        if (render == null) {
            return Optional.empty();
        }
        if (retired) {
            stats.miss();
            return Optional.of(gate.render(render));
        }
        String key = cacheKey(path, asView);
        Representation present = rendered.getIfPresent(key);
        if (present != null) {
            stats.hit();
            return Optional.of(present);
        }
        stats.miss();
        return Optional.of(rendered.get(key, p -> gate.render(render)));
    }

    private Supplier<Representation> renderOf(String path) {
        Document document = documents.get(path);
        return document == null ? null : document.render();
    }

    public Optional<Representation> find(String path) {
        return find(path, false);
    }

    public Optional<Representation> cached(String path) {
        return cached(path, false);
    }

    /** Paths start with '/': a view's key can never be a document's. */
    private static String cacheKey(String path, boolean view) {
        return view ? "view:" + path : path;
    }

    /**
     * Drops every rendered document: a newer publication is being served, and two sets of rendered
     * documents must never share the heap. Requests still working on this one get their documents
     * rendered, not kept.
     */
    void retire() {
        retired = true;
        rendered.invalidateAll();
    }
}
