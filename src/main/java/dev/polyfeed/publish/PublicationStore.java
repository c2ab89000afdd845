package dev.polyfeed.publish;

import dev.polyfeed.address.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.content.BodyRenderer;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.GeneratorSite;
import dev.polyfeed.content.ContentProblem;
import dev.polyfeed.content.MarkdownRenderer;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.PostBody;
import dev.polyfeed.content.ProblemSummary;
import dev.polyfeed.content.Severity;
import dev.polyfeed.address.FeedFormat;
import io.quarkus.runtime.StartupEvent;

/**
 * Holds the current {@link Publication} and is the one place content is (re)loaded: at startup, when
 * the watcher sees a change, on SIGHUP, or when the periodic check finds the folder differs from what
 * was loaded. Requests only ever read the snapshot, never the disk.
 *
 * <p>Reloads run one at a time on one thread, and requests for a reload that arrive while one runs
 * coalesce into a single next one, which reads the newest state of the folder. A reload that fails
 * (strict mode finds a problem, the folder vanished) keeps the previous publication, and readiness says
 * so once the content has been stale for {@code polyfeed.watch.stale-after}. The new publication is
 * swapped in whole, and the old one's rendered documents are dropped at once, so two sets of them
 * never share the heap.
 *
 * <p>Loading reads every file and its front matter, which is enough to know every feed; post bodies
 * are rendered when first needed. So that a body's problems are still reported without waiting for a
 * request, one background thread renders every body once the publication is being served (at startup,
 * once {@code polyfeed.render.check-delay} has passed), and logs what it finds. In strict mode that
 * check runs before serving, since strict mode must list every problem before it starts.
 */
@ApplicationScoped
public class PublicationStore {

    private static final Logger LOG = Logger.getLogger(PublicationStore.class);

    private final PolyfeedConfig config;
    private final Clock clock;
    private final Path root;
    private final CacheBudget budget;
    private final BodyRenderer bodies;
    private final RenderGate gate;
    private final PublishingStats stats = new PublishingStats();
    private final AtomicReference<Publication> current = new AtomicReference<>();
    private final Freshness freshness = new Freshness();
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    /** What changed since the last reload began, as the watcher told: the next reload looks at that. */
    private final PendingChanges pending = new PendingChanges();
    private final ExecutorService reloader = Executors.newSingleThreadExecutor(
            daemonThreads("polyfeed-reload", Thread.NORM_PRIORITY));
    private final ScheduledExecutorService bodyChecker = Executors.newSingleThreadScheduledExecutor(
            daemonThreads("polyfeed-body-check", Thread.MIN_PRIORITY));
    /** The startup check while it waits for {@code polyfeed.render.check-delay}, for those who cannot wait. */
    private final AtomicReference<DelayedCheck> delayedCheck = new AtomicReference<>();
    /**
     * The republish due when the next scheduled post comes in or an expiring one goes, if any, and the
     * publication it is for (by number): a wait that a newer publication replaced while it ran does nothing.
     */
    private final Object listingLock = new Object();
    private ScheduledFuture<?> listingWait;
    private long listingGeneration;
    /** The longest single wait for it, after which the wall clock is read again. */
    static final Duration LISTING_CHANGE_STEP = Duration.ofMinutes(10);
    private final Duration listingStep;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            daemonThreads("polyfeed-content-check", Thread.NORM_PRIORITY));
    private volatile ContentWatcher watcher;
    /** The folder's fingerprint when the last reload began: the periodic check asks again only when it moves on. */
    private volatile String lastAttempted = "";
    /**
     * Told of each publication swapped in, on the reload's thread: observers must return at once. An
     * event rather than a call, so that what reacts to new content (WebSub) depends on this package and
     * not the other way round.
     */
    private final Consumer<Publication> published;

    PublicationStore(PolyfeedConfig config, Clock clock) {
        this(config, clock, LISTING_CHANGE_STEP);
    }

    /** With a shorter step, so that a test sees a wall clock set meanwhile read again in seconds. */
    PublicationStore(PolyfeedConfig config, Clock clock, Duration listingStep) {
        this(config, clock, listingStep, publication -> { });
    }

    @Inject
    PublicationStore(PolyfeedConfig config, Clock clock, Event<Published> published) {
        this(config, clock, LISTING_CHANGE_STEP, publication -> published.fire(new Published(publication)));
    }

    private PublicationStore(PolyfeedConfig config, Clock clock, Duration listingStep, Consumer<Publication> published) {
        this.published = published;
        this.listingStep = listingStep;
        this.config = config;
        this.clock = clock;
        this.root = Path.of(config.contentDir());
        this.budget = CacheBudget.of(config.cacheMb(), Runtime.getRuntime().maxMemory());
        // a body whose file changed since it was loaded: the folder differs from what is served
        this.bodies = new BodyRenderer(new MarkdownRenderer(), budget.bodyBytes(),
                unavailable -> requestReload("a post's file changed after it was loaded", changedFile(unavailable.source())));
        this.gate = new RenderGate(config.render().concurrency(), config.render().queueTimeout());
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Rendered output kept in memory: %s", budget);
        Publication first;
        // on the folder poller's thread, which has nothing to do until the first load is in
        try (LoadHeapGuard guard = LoadHeapGuard.start(poller)) {
            first = reloadEverything(config.render().checkDelay());
            if (guard.collections() > 0) {
                LOG.infof("Collected %d times while loading, to keep the heap under %d MiB: now %d MiB committed",
                        guard.collections(), guard.budgetBytes() / CacheBudget.MEBIBYTE, LoadHeapGuard.committedHeap() / CacheBudget.MEBIBYTE);
            }
        }
        // even after the guard's collections: without this one, G1 grew the heap to 3 GiB in the first
        // 30 s of the body check at 250,000 posts, against 1.4 GiB with it
        if (first.catalog().posts().size() >= HEAP_SETTLING_POSTS) {
            // before the first request: no reader waits through this collection
            settleHeap("loading");
        }
        if (config.reloadOnSighup()) {
            SighupReload.install(() -> requestReload("SIGHUP"));
        }
        if (config.watch().enabled()) {
            startWatcher();
            long every = Math.max(100, config.watch().pollInterval().toMillis());
            poller.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
        ContentWatcher running = watcher;
        if (running != null) {
            running.close();
        }
        reloader.shutdownNow();
        bodyChecker.shutdownNow();
    }

    /**
     * Loads the content folder now, on the caller's thread, and swaps the new publication in whole.
     *
     * @throws IllegalStateException when strict mode finds a problem, or the folder is gone while a
     *         publication is being served (which is then kept)
     */
    public Publication reload() {
        return reloadEverything(Duration.ZERO);
    }

    private Publication reloadEverything(Duration checkDelay) {
        pending.anything();
        return reload(pending.take(), checkDelay);
    }

    /** @param checkDelay how long the background check of the bodies waits before it begins */
    private synchronized Publication reload(ContentLoader.Changes changes, Duration checkDelay) {
        long startedNanos = System.nanoTime();
        long startedCpuNanos = processCpuNanos();
        PublishingStats.Trigger trigger = current.get() == null ? PublishingStats.Trigger.STARTUP
                : PublishingStats.Trigger.RELOAD;
        try {
            Publication publication = load(startedNanos, startedCpuNanos, changes, checkDelay);
            stats.loaded(trigger, PublishingStats.Outcome.PUBLISHED, System.nanoTime() - startedNanos);
            return publication;
        } catch (RuntimeException | Error e) {
            stats.loaded(trigger, PublishingStats.Outcome.FAILED, System.nanoTime() - startedNanos);
            // what this reload was told of is not served: the next one must not take the folder as read
            pending.anything();
            throw e;
        }
    }

    private Publication load(long startedNanos, long startedCpuNanos, ContentLoader.Changes changes, Duration checkDelay) {
        Instant started = clock.instant();
        Publication previous = current.get();
        if (previous != null && (!Files.isDirectory(root) || !Files.isReadable(root))) {
            lastAttempted = ContentLoader.fingerprint(root);
            throw new IllegalStateException("the content folder " + root + " is missing, not a folder, or cannot be read");
        }
        ContentLoader.Result load = new ContentLoader(bodies, Address::postPath, clock).load(root, config.baseUrl(),
                new GeneratorSite.Options(config.layout(), config.siteUrl(), config.permalink(),
                        config.sections().orElse(java.util.List.of())),
                previous == null ? ContentLoader.Parsed.NONE : previous.load().parsed(), changes);
        long loadedNanos = System.nanoTime();
        // what this attempt read: the periodic check asks again only once the folder differs from it
        lastAttempted = load.fingerprint();
        Optional<List<ContentProblem>> checkedBodies = config.strict() ? Optional.of(strictCheck(load)) : Optional.empty();
        Publication publication = Publisher.publish(load, config.feedSize(), config.websub().hub(),
                budget.documentBytes(), gate, stats);
        long publishedNanos = System.nanoTime();
        swapIn(publication, previous, started);
        scheduleListingChange(publication.catalog());
        report(publication, previous, root, (System.nanoTime() - startedNanos) / 1_000_000, (loadedNanos - startedNanos) / 1_000_000,
                (publishedNanos - loadedNanos) / 1_000_000, (processCpuNanos() - startedCpuNanos) / 1_000_000);
        Map<PostBody, List<ContentProblem>> checkedBefore = previous == null ? Map.of() : previous.checkedBodies();
        checkedBodies.ifPresentOrElse(publication::bodiesChecked,
                () -> scheduleCheck(() -> checkBodies(publication, checkedBefore), checkDelay));
        return publication;
    }

    /**
     * Republishes when the next scheduled post is due or an expiring one expires: no file changes then,
     * so neither the watcher nor the periodic check would. Each publication replaces the previous one's
     * wait with its own.
     */
    private void scheduleListingChange(Catalog catalog) {
        synchronized (listingLock) {
            listingGeneration++;
            if (listingWait != null) {
                listingWait.cancel(false);
            }
            listingWait = catalog.nextListingChange().map(due -> waitUntil(due, listingGeneration)).orElse(null);
        }
    }

    /** Guarded by {@link #listingLock}. */
    private ScheduledFuture<?> waitUntil(Instant due, long generation) {
        // the wait runs on the monotonic clock and the due time is on the wall clock, which may be set
        // meanwhile (or the machine suspended): long waits are taken in steps, each reading the time again
        long millis = Math.max(0, Duration.between(clock.instant(), due).toMillis()) + 1;
        try {
            return poller.schedule(() -> listingTimeCame(due, generation), Math.min(millis, listingStep.toMillis()),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    private void listingTimeCame(Instant due, long generation) {
        synchronized (listingLock) {
            if (generation != listingGeneration) {
                return; // a newer publication waits for its own
            }
            if (clock.instant().isBefore(due)) {
                listingWait = waitUntil(due, generation);
                return;
            }
            listingWait = null;
        }
        LOG.infof("A scheduled post is due, an expiring one expired or an update dated ahead took effect (%s): republishing", due);
        requestReload("a post's listing time came");
    }

    private void scheduleCheck(Runnable check, Duration delay) {
        if (delay.isZero()) {
            bodyChecker.execute(check);
            return;
        }
        delayedCheck.set(new DelayedCheck(bodyChecker.schedule(check, delay.toMillis(), TimeUnit.MILLISECONDS), check));
    }

    /**
     * Begins the startup check of the bodies now if it still waits for its delay: for whoever waits for
     * its report and serves no reader (export).
     */
    public void checkBodiesNow() {
        DelayedCheck waiting = delayedCheck.getAndSet(null);
        if (waiting != null && waiting.scheduled().cancel(false)) {
            bodyChecker.execute(waiting.check());
        }
    }

    private record DelayedCheck(ScheduledFuture<?> scheduled, Runnable check) {
    }

    /**
     * Strict mode: every body is rendered before anything is published, and any problem at all stops the
     * load.
     *
     * @return what rendering the bodies found (nothing, or this throws)
     */
    private List<ContentProblem> strictCheck(ContentLoader.Result load) {
        List<ContentProblem> bodyProblems = load.catalog().bodyProblems();
        ProblemSummary problems = ProblemSummary.of(load.catalog().problems(), bodyProblems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("polyfeed.strict is set and the content of " + root + " has "
                    + problems.lines().size() + " problem(s): " + problems.byKind() + "\n"
                    + problems.lines().stream().map(p -> p.severity() + " " + p).collect(Collectors.joining("\n")));
        }
        return bodyProblems;
    }

    /** Serves the new publication from now on, whole, and lets the one it replaces go. */
    private void swapIn(Publication publication, Publication previous, Instant started) {
        current.set(publication);
        published.accept(publication);
        if (previous != null) {
            // body renderings stay: those of unchanged posts serve the new publication as they are
            previous.retire();
        }
        freshness.published(started);
    }

    /**
     * Asks for a reload without waiting for it: it runs on the reload thread, after the one running
     * now, if any; requests that arrive meanwhile are served by that same next reload.
     */
    public void requestReload(String why) {
        requestReload(why, ContentLoader.Changes.ANYTHING);
    }

    /** @param changes what changed, as far as the caller knows */
    private void requestReload(String why, ContentLoader.Changes changes) {
        pending.add(changes);
        if (reloadQueued.compareAndSet(false, true)) {
            reloader.execute(() -> {
                reloadQueued.set(false);
                reloadSafely(why);
            });
        }
    }

    private void reloadSafely(String why) {
        Instant started = clock.instant();
        try {
            reload(pending.take(), Duration.ZERO);
        } catch (Throwable e) { // even an OutOfMemoryError must not end reloading for good
            freshness.failed(started, e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.errorf("Content reload (%s) failed; still serving the previous content. %s", why, e.getMessage());
        }
    }

    /** A change was seen on disk: the served content is stale from now until a reload publishes it. */
    private void changed(String why) {
        changed(why, ContentLoader.Changes.ANYTHING);
    }

    private void changed(String why, ContentLoader.Changes changes) {
        freshness.changed(clock.instant());
        requestReload(why, changes);
    }

    /**
     * The periodic check: a watcher whose thread ended is restarted (and the change it may have missed
     * loaded), a watcher watching a folder the content folder no longer resolves to is moved, and a
     * folder whose files differ from what was loaded is reloaded.
     */
    void check() {
        try {
            ContentWatcher running = watcher;
            if (running != null && !running.isAlive()) {
                freshness.watcherRestarted(running.failure());
                LOG.errorf("The content watcher stopped (%s); restarting it", running.failure());
                startWatcher();
                changed("the watcher was restarted");
                return;
            }
            if (running != null && running.sawChangeWithin(WATCHED_CHANGE_SETTLING)) {
                // the watcher's own reload is on its way, and names the files; a walk now would only
                // race it and make that reload walk the whole folder. The next check compares again.
                return;
            }
            String now = ContentLoader.fingerprint(root);
            Publication served = current.get();
            if (served != null && !now.equals(served.load().fingerprint()) && !now.equals(lastAttempted)) {
                if (running != null) {
                    // a link swapped to another release is a new tree to watch
                    running.close();
                    startWatcher();
                }
                changed("the content folder changed");
            }
        } catch (Throwable e) {
            LOG.errorf("Checking the content folder failed: %s", e.toString());
        }
    }

    /**
     * The file a body could not be read from, as a change to it: a request that finds an edited post
     * before the watcher's reload has run must not make that reload walk the whole folder.
     */
    private static ContentLoader.Changes changedFile(String source) {
        try {
            return new ContentLoader.Changes.Files(java.util.Set.of(Path.of(source).toAbsolutePath().normalize()));
        } catch (java.nio.file.InvalidPathException e) {
            return ContentLoader.Changes.ANYTHING;
        }
    }

    /** How long after the watcher sees a change the periodic check leaves the folder to the watcher's reload. */
    private static final Duration WATCHED_CHANGE_SETTLING = Duration.ofSeconds(2);

    private void startWatcher() {
        try {
            watcher = new ContentWatcher(root, changes -> changed("files changed", changes));
            LOG.infof("Watching %s for content changes", root);
        } catch (IOException | RuntimeException e) {
            watcher = null;
            LOG.errorf("Cannot watch %s for changes (%s); checking it every %s instead", root, e.getMessage(),
                    config.watch().pollInterval());
        }
    }

    public Publication current() {
        Publication publication = current.get();
        return publication != null ? publication : reload();
    }

    /** The current publication, if content has been loaded yet. */
    public Optional<Publication> loaded() {
        return Optional.ofNullable(current.get());
    }

    /** What publishing has done since startup: cache lookups and loads, for metrics. */
    public PublishingStats stats() {
        return stats;
    }

    /** Whether what is served is what is on disk, for readiness. */
    Freshness.State freshness() {
        return freshness.state();
    }

    /**
     * Whether the watcher's thread runs: empty when not watching. One that ended is restarted by the
     * next periodic check; liveness fails only if that keeps failing.
     */
    public Optional<Boolean> watcherRunning() {
        if (!config.watch().enabled()) {
            return Optional.empty();
        }
        ContentWatcher running = watcher;
        return Optional.of(running != null && running.isAlive());
    }

    /** The watcher, for tests that end its thread as a failure would. */
    Optional<ContentWatcher> watcher() {
        return Optional.ofNullable(watcher);
    }

    /**
     * Renders every body of a publication, one at a time, and reports what it finds; stops if it is
     * replaced. A body equal to one the previous publication's check saw is not rendered again: after an
     * edit, only what changed is checked.
     */
    private void checkBodies(Publication publication, Map<PostBody, List<ContentProblem>> checkedBefore) {
        long started = System.nanoTime();
        List<ContentProblem> problems = new ArrayList<>();
        // what the previous check logged already, for bodies it saw: not logged line by line again
        Set<ContentProblem> reported = new HashSet<>();
        Map<PostBody, List<ContentProblem>> checked = new HashMap<>();
        int rendered = 0;
        long[] micros = new long[publication.catalog().posts().size()];
        for (Post post : publication.catalog().posts()) {
            if (current.get() != publication) {
                publication.bodiesChecked(problems, checked);
                return;
            }
            PostBody body = post.body();
            List<ContentProblem> found = checkedBefore.get(body);
            if (found != null) {
                reported.addAll(found);
            } else {
                // the thread's own CPU time: what rendering costs, whatever else the machine is running
                long renderStarted = THREADS.getCurrentThreadCpuTime();
                found = body.problems();
                micros[rendered++] = (THREADS.getCurrentThreadCpuTime() - renderStarted) / 1_000;
            }
            checked.put(body, found.isEmpty() ? List.of() : found);
            problems.addAll(found);
        }
        ProblemSummary summary = ProblemSummary.of(problems);
        ProblemSummary.of(problems.stream().filter(problem -> !reported.contains(problem)).toList()).lines()
                .forEach(PublicationStore::log);
        long[] times = java.util.Arrays.copyOf(micros, rendered);
        java.util.Arrays.sort(times);
        LOG.infof("Rendered and checked %d post bodies in %d ms (%d unchanged since the last check; per body: median"
                + " %.2f ms, 90th percentile %.2f ms, slowest %.2f ms of CPU time): %d warnings; by kind: %s",
                rendered, (System.nanoTime() - started) / 1_000_000, publication.catalog().posts().size() - rendered,
                percentile(times, 50) / 1000.0, percentile(times, 90) / 1000.0, percentile(times, 100) / 1000.0,
                summary.lines().size(), summary.byKind());
        if (rendered >= HEAP_SETTLING_RENDERS && current.get() == publication) {
            settleHeap("checking bodies");
        }
        // last: whoever waits for the check (export, readiness) finds its report in the log already
        publication.bodiesChecked(problems, checked);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The nearest-rank percentile of sorted values, 0 for none. */
    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(sorted.length * percent / 100.0);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Bodies whose check leaves enough garbage behind to be worth a full collection afterwards. */
    private static final int HEAP_SETTLING_RENDERS = 1_000;

    /**
     * Posts whose loading grows the heap enough to be worth a full collection before serving: at 250,000
     * posts G1 had committed 2.2-3.8 GiB for about 440 MiB live, because each young collection copied
     * the posts loaded so far again and the pauses' share of the time made it grow the heap; at 1,000
     * the heap stays small and the collection would only delay the first request.
     */
    private static final int HEAP_SETTLING_POSTS = 10_000;

    /**
     * Loading and checking every body are one-off bursts of garbage, through which G1 grows the heap to
     * several times what stays live (at 50,000 posts: 1.1 GiB committed for 120 MiB live). JDK 17's G1
     * gives memory back to the system only after a full collection (or a periodic one, which is off by
     * default), so one is asked for here, once the burst is over, rather than leaving the process that
     * large for as long as it runs. Operators who turn explicit collections off keep the larger heap.
     */
    private static void settleHeap(String burst) {
        long before = LoadHeapGuard.committedHeap();
        long startedNanos = System.nanoTime();
        System.gc();
        LOG.infof("Returned the heap grown by %s to the system: committed %d MiB, now %d MiB (%d ms)", burst,
                before / CacheBudget.MEBIBYTE, LoadHeapGuard.committedHeap() / CacheBudget.MEBIBYTE,
                (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /** CPU time of the whole process (every thread, the JIT's and the collector's too), or 0 where unknown. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static void log(ContentProblem problem) {
        if (problem.severity() == Severity.ERROR) {
            LOG.error(problem);
        } else {
            LOG.warn(problem);
        }
    }

    /**
     * Logs what a load found, and one line saying what was loaded. After a reload, only problems that
     * were not there before are logged one by one: an edit to one file of a site with thousands of
     * posts without a date must not log thousands of lines it logged already. The counts say them all.
     */
    private static void report(Publication publication, Publication previous, Path root, long millis, long contentMillis,
            long documentsMillis, long cpuMillis) {
        Catalog catalog = publication.catalog();
        ProblemSummary problems = publication.problems();
        Set<ContentProblem> logged = previous == null ? Set.of() : new HashSet<>(previous.problems().lines());
        int still = 0;
        for (ContentProblem problem : problems.lines()) {
            if (logged.contains(problem)) {
                still++;
            } else {
                log(problem);
            }
        }
        LOG.infof("Content layout: %s", publication.load().layout());
        Map<String, Long> perLanguage = catalog.posts().stream()
                .collect(Collectors.groupingBy(post -> post.language().tag(), TreeMap::new, Collectors.counting()));
        LOG.infof("Loaded %d posts from %s in %d ms (%s; content %d ms, %d files read, the others unchanged%s; documents"
                + " %d ms; process CPU %d ms); %d feeds; %d files skipped, %d drafts, %s%d non-post files ignored, %d"
                + " warnings%s; problems by kind: %s", catalog.posts().size(), root, millis,
                perLanguage.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                contentMillis, publication.load().parsed().readNow(),
                (publication.load().parsed().walked() ? "" : ", the folder not walked (the watcher named the files)")
                        + (publication.load().parsed().patched() ? ", their posts put in the previous catalog's places" : ""),
                documentsMillis, cpuMillis,
                publication.feeds().size() * FeedFormat.values().length, publication.load().skippedFiles(), catalog.drafts(),
                listing(catalog), publication.load().ignoredFiles(), problems.count(Severity.WARNING),
                still == 0 ? "" : " (" + still + " of the lines logged already at an earlier load)", problems.byKind());
    }

    /** What the time leaves out, for the load's log line: nothing when nothing is. */
    private static String listing(Catalog catalog) {
        int expired = catalog.unlisted() - catalog.scheduled();
        return (catalog.scheduled() == 0 ? "" : catalog.scheduled() + " scheduled, ")
                + (expired == 0 ? "" : expired + " expired, ")
                + catalog.nextListingChange().map(at -> "the next listed, expiring or updated at " + at + ", ").orElse("");
    }

    private static ThreadFactory daemonThreads(String name, int priority) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        };
    }

    /** How long content may be stale before readiness goes DOWN. */
    Duration staleAfter() {
        return config.watch().staleAfter();
    }

    Clock clock() {
        return clock;
    }

    /**
     * The changes told since the last reload began, merged: the files named, or anything. Taken whole
     * by the reload that starts next, so a change told while a reload runs is left for the one after.
     */
    private static final class PendingChanges {
        private java.util.Set<Path> files = new java.util.HashSet<>();
        private boolean anything;

        synchronized void add(ContentLoader.Changes changes) {
            if (changes instanceof ContentLoader.Changes.Files named) {
                files.addAll(named.paths());
            } else {
                anything = true;
            }
        }

        synchronized void anything() {
            anything = true;
        }

        synchronized ContentLoader.Changes take() {
            ContentLoader.Changes taken = anything ? ContentLoader.Changes.ANYTHING : new ContentLoader.Changes.Files(files);
            files = new java.util.HashSet<>();
            anything = false;
            return taken;
        }
    }
}
