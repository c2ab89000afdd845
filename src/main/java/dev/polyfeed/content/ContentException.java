package dev.polyfeed.content;

/** Thrown by the pure parsers when a file cannot be used at all; carries the problem to report. */
public final class ContentException extends Exception {

    private final transient ContentProblem problem;

    public ContentException(ContentProblem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    public ContentProblem problem() {
        return problem;
    }
}
