package dev.polyfeed.publish;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.polyfeed.address.Address;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.ContentProblem;
import dev.polyfeed.content.PostBody;
import dev.polyfeed.content.ProblemSummary;
import dev.polyfeed.address.FeedScope;

/**
 * Everything Polyfeed serves for one version of the content: the catalog, and the documents made from
 * it. Which documents exist follows from the catalog (a post's page, each feed's pages up to its last
 * archive), so it is decided by address when asked rather than listed for every load: a site of
 * 250,000 posts has a million documents, nearly all never requested between two edits. Each is
 * rendered and compressed once, on its first request, and kept in a cache bounded by bytes, so that
 * tens of thousands of posts (and the archive pages of every tag feed) fit in memory. Immutable as seen
 * from outside: a reload builds a new publication and swaps it in whole, so a request sees either the
 * old content or the new, never a mix.
 */
public final class Publication {

    /** Which documents a publication has, and how each is rendered. */
    interface Documents {
        /** The address whose canonical path this is, if there is a document there. */
        Optional<Address> at(String path);

        /** Whether there is a document at this address. */
        boolean exists(Address address);

        /** How to render the document at this address, if there is one. */
        Optional<Supplier<Representation>> render(Address address);

        /** Whether the document at this address, which exists, has a page for browsers (a feed's). */
        boolean hasView(Address address);

        /** How to render the page for browsers of the document at this address, if it has one. */
        Optional<Supplier<Representation>> view(Address address);

        /** Every document's address, listed when asked (a static copy, tests). */
        List<Address> all();

        /** How many documents there are, counted without listing them. */
        int count();
    }

    /**
     * Canonical paths asked for, with what they name: most requests skip parsing their path. A plain
     * map, emptied when full, rather than a cache that counts every read: this lookup is on every
     * request's path, and the few paths most requests ask for are back in it at once.
     */
    private static final int RESOLVED_PATHS = 65_536;

    private final ContentLoader.Result load;
    private final List<FeedScope> feeds;
    private final Documents documents;
    private final Map<String, Address> resolved = new java.util.concurrent.ConcurrentHashMap<>();
    private final Cache<String, Representation> rendered;
    private final RenderGate gate;
    private final PublishingStats stats;
    /** Replaced by a newer publication: what it still renders for requests in flight is not kept. */
    private volatile boolean retired;
    private final CompletableFuture<List<ContentProblem>> bodyProblems = new CompletableFuture<>();
    private volatile Map<PostBody, List<ContentProblem>> checked = Map.of();
    /** What loading found, summarised once; then with what rendering every body found, once that is known. */
    private volatile ProblemSummary problems;

    /**
     * A publication of listed documents, for tests of serving.
     *
     * @param documents how to render each document, by its address
     * @param views how to render the page a browser gets instead of a document, for the documents that have one
     * @param cacheBytes most bytes of rendered documents kept
     */
    public Publication(ContentLoader.Result load, List<FeedScope> feeds, Map<Address, Supplier<Representation>> documents,
            Map<Address, Supplier<Representation>> views, long cacheBytes, RenderGate gate) {
        this(load, feeds, new Listed(documents, views), cacheBytes, gate, new PublishingStats());
    }

    /** @param stats where lookups of rendered documents are counted, for metrics */
    Publication(ContentLoader.Result load, List<FeedScope> feeds, Documents documents, long cacheBytes, RenderGate gate,
            PublishingStats stats) {
        this.load = load;
        this.gate = gate;
        this.stats = stats;
        this.problems = ProblemSummary.of(load.catalog().problems());
        this.feeds = List.copyOf(feeds);
        this.documents = documents;
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .<String, Representation>weigher((path, document) -> document.body().length + document.gzipBody().length)
                .build();
    }

    /** Documents given as a list, by address: what tests of serving need, and nothing of a catalog. */
    private record Listed(Map<Address, Supplier<Representation>> documents, Map<Address, Supplier<Representation>> views)
            implements Documents {
        public Optional<Address> at(String path) {
            return documents.keySet().stream().filter(address -> address.path().equals(path)).findFirst();
        }

        public boolean exists(Address address) {
            return documents.containsKey(address);
        }

        public Optional<Supplier<Representation>> render(Address address) {
            return Optional.ofNullable(documents.get(address));
        }

        public boolean hasView(Address address) {
            return views.containsKey(address);
        }

        public Optional<Supplier<Representation>> view(Address address) {
            return Optional.ofNullable(views.get(address));
        }

        public List<Address> all() {
            return List.copyOf(documents.keySet());
        }

        public int count() {
            return documents.size();
        }
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

    /** Every document's address: listed when asked, which at a large site is real work (a static copy). */
    public List<Address> addresses() {
        return documents.all();
    }

    /** How many documents there are, counted without listing them. */
    public int documentCount() {
        return documents.count();
    }

    /** Whether there is a document at this (canonical) address. */
    public boolean exists(Address address) {
        return documents.exists(address);
    }

    /**
     * Whether the document at this address has a page for browsers (a feed's): asked on every request,
     * for an address found to exist already, so it looks nothing up.
     */
    public boolean hasView(Address address) {
        return documents.hasView(address);
    }

    /**
     * The address of the document at a canonical site path, if there is one there. Paths asked for
     * recently are one lookup; others are parsed, which is cheap, but not free on every request.
     */
    public Optional<Address> addressAt(String path) {
        Address known = resolved.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Address> found = documents.at(path);
        // only the paths of documents that exist are kept: a scan of made-up paths fills nothing
        found.ifPresent(address -> {
            if (resolved.size() >= RESOLVED_PATHS) {
                resolved.clear();
            }
            resolved.put(path, address);
        });
        return found;
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
        Optional<Address> address = addressAt(path);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        boolean asView = view && documents.hasView(address.get());
        Optional<Supplier<Representation>> render = asView ? documents.view(address.get()) : documents.render(address.get());
        if (render.isEmpty()) {
            return Optional.empty();
        }
        if (retired) {
            stats.miss();
            return Optional.of(gate.render(render.get()));
        }
        String key = cacheKey(path, asView);
        Representation present = rendered.getIfPresent(key);
        if (present != null) {
            stats.hit();
            return Optional.of(present);
        }
        stats.miss();
        return Optional.of(rendered.get(key, p -> gate.render(render.get())));
    }

    public Optional<Representation> find(String path) {
        return find(path, false);
    }

    /** How many documents may be rendered at once ({@link RenderGate#concurrency()}). */
    public int renderConcurrency() {
        return gate.concurrency();
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
