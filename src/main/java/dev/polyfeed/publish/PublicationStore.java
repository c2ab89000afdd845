package dev.polyfeed.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.ContentProblem;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.ProblemSummary;
import dev.polyfeed.content.Severity;
import dev.polyfeed.feed.FeedFormat;
import io.quarkus.runtime.StartupEvent;

/**
 * Holds the current {@link Publication}. Content is read once at startup; requests only ever read the
 * snapshot, never the disk.
 *
 * <p>Loading reads every file and its front matter, which is enough to know every feed; post bodies
 * are rendered when first needed. So that a body's problems are still reported without waiting for a
 * request, one background thread renders every body once the publication is being served, and logs
 * what it finds. In strict mode that check runs before serving, since strict mode must list every
 * problem before it starts.
 */
@ApplicationScoped
public class PublicationStore {

    private static final Logger LOG = Logger.getLogger(PublicationStore.class);

    private final PolyfeedConfig config;
    private final AtomicReference<Publication> current = new AtomicReference<>();
    private final ExecutorService bodyChecker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "polyfeed-body-check");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    PublicationStore(PolyfeedConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    @PreDestroy
    void stop() {
        bodyChecker.shutdownNow();
    }

    /** Loads the content folder and swaps the new publication in whole. */
    public synchronized Publication reload() {
        long started = System.nanoTime();
        Path root = Path.of(config.contentDir());
        long cacheBytes = config.cacheMb() * 1024L * 1024L;
        // a quarter for post bodies, shared by the documents rendered from them
        ContentLoader.Result load = new ContentLoader(cacheBytes / 4).load(root, config.baseUrl());
        List<ContentProblem> bodyProblems = null;
        if (config.strict()) {
            bodyProblems = load.catalog().bodyProblems();
            ProblemSummary problems = ProblemSummary.of(load.catalog().problems(), bodyProblems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("polyfeed.strict is set and the content of " + root + " has "
                        + problems.lines().size() + " problem(s): " + problems.byKind() + "\n"
                        + problems.lines().stream().map(p -> p.severity() + " " + p).collect(Collectors.joining("\n")));
            }
        }
        Publication publication = Publisher.publish(load, config.feedSize(), config.websub().hub(),
                cacheBytes - cacheBytes / 4);
        current.set(publication);
        report(publication, root, (System.nanoTime() - started) / 1_000_000);
        if (bodyProblems != null) {
            publication.bodiesChecked(bodyProblems);
        } else {
            bodyChecker.execute(() -> checkBodies(publication));
        }
        return publication;
    }

    public Publication current() {
        Publication publication = current.get();
        return publication != null ? publication : reload();
    }

    /** The current publication, if content has been loaded yet. */
    public Optional<Publication> loaded() {
        return Optional.ofNullable(current.get());
    }

    /** Renders every body of a publication, one at a time, and reports what it finds; stops if it is replaced. */
    private void checkBodies(Publication publication) {
        long started = System.nanoTime();
        List<ContentProblem> problems = new ArrayList<>();
        for (Post post : publication.catalog().posts()) {
            if (current.get() != publication) {
                publication.bodiesChecked(problems);
                return;
            }
            post.body().problem().ifPresent(problems::add);
        }
        ProblemSummary summary = ProblemSummary.of(problems);
        summary.lines().forEach(PublicationStore::log);
        publication.bodiesChecked(problems);
        LOG.infof("Rendered and checked %d post bodies in %d ms: %d warnings; by kind: %s",
                publication.catalog().posts().size(), (System.nanoTime() - started) / 1_000_000, summary.lines().size(),
                summary.byKind());
    }

    private static void log(ContentProblem problem) {
        if (problem.severity() == Severity.ERROR) {
            LOG.error(problem);
        } else {
            LOG.warn(problem);
        }
    }

    private static void report(Publication publication, Path root, long millis) {
        Catalog catalog = publication.catalog();
        ProblemSummary problems = ProblemSummary.of(catalog.problems());
        problems.lines().forEach(PublicationStore::log);
        Map<String, Long> perLanguage = catalog.posts().stream()
                .collect(Collectors.groupingBy(post -> post.language().tag(), TreeMap::new, Collectors.counting()));
        LOG.infof("Loaded %d posts from %s in %d ms (%s); %d feeds; %d files skipped, %d drafts, %d non-post files"
                + " ignored, %d warnings; problems by kind: %s", catalog.posts().size(), root, millis,
                perLanguage.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                publication.feeds().size() * FeedFormat.values().length, publication.load().skippedFiles(), catalog.drafts(),
                publication.load().ignoredFiles(),
                problems.count(Severity.WARNING), problems.byKind());
    }
}
