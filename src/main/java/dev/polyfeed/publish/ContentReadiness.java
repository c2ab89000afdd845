package dev.polyfeed.publish;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentProblem;
import dev.polyfeed.content.ProblemSummary;
import dev.polyfeed.content.Severity;

/**
 * Ready once content is loaded and at least one post is published, and as long as what is served is
 * not older than the content on disk by more than {@code polyfeed.watch.stale-after}: a replica with
 * nothing to serve, or serving stale content, should not get traffic. The data tells an operator what
 * was loaded and what was skipped, and why, and since when and why the content is stale.
 */
@Readiness
@ApplicationScoped
public class ContentReadiness implements HealthCheck {

    static final int MAX_LISTED_PROBLEMS = 100;

    private final PublicationStore store;

    ContentReadiness(PublicationStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("content");
        Publication publication = store.loaded().orElse(null);
        if (publication == null) {
            return response.down().withData("reason", "content is still loading").build();
        }
        Catalog catalog = publication.catalog();
        Optional<List<ContentProblem>> bodyProblems = publication.bodyProblems();
        ProblemSummary problems = publication.problems();
        response.status(!catalog.posts().isEmpty())
                .withData("posts", catalog.posts().size())
                .withData("languages", String.join(", ", catalog.languages().stream().map(Object::toString).toList()))
                .withData("tags", catalog.tags().size())
                .withData("drafts", catalog.drafts())
                .withData("scheduled", catalog.scheduled())
                .withData("skippedFiles", publication.load().skippedFiles())
                .withData("warnings", problems.count(Severity.WARNING))
                .withData("problems", problems.byKind())
                // bodies are rendered in the background after loading; their problems count once checked
                .withData("bodies", bodyProblems.isPresent() ? "checked" : "checking");
        // when the next scheduled post is listed (or an expiring one is taken down), by itself
        catalog.nextListingChange().ifPresent(at -> response.withData("nextListingChange", at.toString()));
        if (catalog.posts().isEmpty()) {
            response.withData("reason", "no post could be loaded; see the problems listed here and in the log");
        }
        Freshness.State freshness = store.freshness();
        freshness.changedSince().ifPresent(since -> response.withData("changedOnDiskSince", since.toString()));
        freshness.lastFailure().ifPresent(failure -> response.withData("lastReloadFailed", failure));
        if (freshness.watcherRestarts() > 0) {
            response.withData("watcherRestarts", freshness.watcherRestarts());
            freshness.watcherFailure().ifPresent(failure -> response.withData("watcherFailure", failure));
        }
        if (freshness.staleLongerThan(store.staleAfter(), store.clock().instant())) {
            // serving content older than what is on disk, for longer than allowed: let the orchestrator act
            response.down().withData("reason", "the content on disk changed at " + freshness.changedSince().orElseThrow()
                    + " and is still not served: " + freshness.lastFailure().orElse("no reload has finished since"));
        }
        int listed = 0;
        for (ContentProblem problem : problems.lines()) {
            if (problem.severity() == Severity.ERROR && listed++ < MAX_LISTED_PROBLEMS) {
                // one entry per file: "skipped: content/tr/x.md:4" -> what is wrong (hint)
                String where = problem.line() > 0 ? problem.path() + ":" + problem.line() : problem.path();
                response.withData("skipped: " + where, problem.message()
                        + problem.hintText().map(hint -> " (" + hint + ")").orElse(""));
            }
        }
        return response.build();
    }
}
