package dev.polyfeed.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.ContentProblem;
import dev.polyfeed.content.Severity;
import dev.polyfeed.feed.FeedFormat;
import io.quarkus.runtime.StartupEvent;

/**
 * Holds the current {@link Publication}. Content is read once at startup; requests only ever read the
 * snapshot, never the disk.
 */
@ApplicationScoped
public class PublicationStore {

    private static final Logger LOG = Logger.getLogger(PublicationStore.class);

    private final PolyfeedConfig config;
    private final AtomicReference<Publication> current = new AtomicReference<>();

    PublicationStore(PolyfeedConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    /** Loads the content folder and swaps the new publication in whole. */
    public synchronized Publication reload() {
        long started = System.nanoTime();
        Path root = Path.of(config.contentDir());
        ContentLoader.Result load = new ContentLoader().load(root, config.baseUrl());
        List<ContentProblem> problems = load.catalog().problems();
        if (config.strict() && !problems.isEmpty()) {
            throw new IllegalStateException("polyfeed.strict is set and the content of " + root + " has "
                    + problems.size() + " problem(s):\n" + problems.stream().map(p -> p.severity() + " " + p)
                            .collect(Collectors.joining("\n")));
        }
        Publication publication = Publisher.publish(load, config.feedSize(), config.websub().hub(),
                config.cacheMb() * 1024L * 1024L);
        current.set(publication);
        report(publication, root, (System.nanoTime() - started) / 1_000_000);
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

    private static void report(Publication publication, Path root, long millis) {
        Catalog catalog = publication.catalog();
        for (ContentProblem problem : catalog.problems()) {
            if (problem.severity() == Severity.ERROR) {
                LOG.error(problem);
            } else {
                LOG.warn(problem);
            }
        }
        Map<String, Long> perLanguage = catalog.posts().stream()
                .collect(Collectors.groupingBy(post -> post.language().tag(), TreeMap::new, Collectors.counting()));
        LOG.infof("Loaded %d posts from %s in %d ms (%s); %d feeds; %d files skipped, %d drafts, %d non-post files"
                + " ignored, %d warnings", catalog.posts().size(), root, millis,
                perLanguage.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                publication.feeds().size() * FeedFormat.values().length, publication.load().skippedFiles(), catalog.drafts(),
                publication.load().ignoredFiles(),
                catalog.problems().stream().filter(p -> p.severity() == Severity.WARNING).count());
    }
}
