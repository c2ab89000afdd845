package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Where everything one load finds wrong is gathered, from every thread that reads and parses files:
 * one collector per load attempt, handed to whatever may report, and read once at the end, by place.
 */
public final class ProblemCollector {

    private final ConcurrentLinkedQueue<ContentProblem> problems = new ConcurrentLinkedQueue<>();

    public void add(ContentProblem problem) {
        problems.add(problem);
    }

    public void addAll(Collection<ContentProblem> more) {
        problems.addAll(more);
    }

    /** Everything collected, by file and line. */
    public List<ContentProblem> byPlace() {
        List<ContentProblem> ordered = new ArrayList<>(problems);
        ordered.sort(ContentProblem.BY_PLACE);
        return ordered;
    }
}
