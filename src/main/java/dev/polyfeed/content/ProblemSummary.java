package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a load found wrong, told the way a site owner can act on it: one line per file and kind of
 * problem (a post with five unknown authors is one line naming the five, each at its line), and a
 * count per kind across the site, so a thousand posts with the same mistake read as one thing to fix.
 * The log, readiness and strict mode all read the same summary.
 *
 * @param lines one problem per file, kind and severity, ordered by place
 * @param kinds per kind, how many problems and in how many files, most frequent first
 */
public record ProblemSummary(List<ContentProblem> lines, Map<ProblemKind, Count> kinds) {

    /** How often a kind of problem occurs. */
    public record Count(int problems, int files) {
    }

    public ProblemSummary {
        lines = List.copyOf(lines);
        kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    public static ProblemSummary of(List<ContentProblem> problems) {
        Map<List<Object>, List<ContentProblem>> byFileAndKind = new LinkedHashMap<>();
        problems.stream().sorted(ContentProblem.BY_PLACE).forEach(problem -> byFileAndKind
                .computeIfAbsent(List.of(problem.path(), problem.kind(), problem.severity()), k -> new ArrayList<>())
                .add(problem));
        List<ContentProblem> lines = byFileAndKind.values().stream().map(ProblemSummary::merge)
                .sorted(ContentProblem.BY_PLACE).toList();

        Map<ProblemKind, Integer> counts = new EnumMap<>(ProblemKind.class);
        Map<ProblemKind, Set<String>> files = new EnumMap<>(ProblemKind.class);
        for (ContentProblem problem : problems) {
            counts.merge(problem.kind(), 1, Integer::sum);
            files.computeIfAbsent(problem.kind(), k -> new HashSet<>()).add(problem.path());
        }
        Map<ProblemKind, Count> kinds = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<ProblemKind, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> kinds.put(e.getKey(), new Count(e.getValue(), files.get(e.getKey()).size())));
        return new ProblemSummary(lines, kinds);
    }

    /** Problems of one kind in one file as one: the first's line and hint, every message with its line. */
    private static ContentProblem merge(List<ContentProblem> same) {
        ContentProblem first = same.get(0);
        if (same.size() == 1) {
            return first;
        }
        String message = first.message() + same.subList(1, same.size()).stream()
                .map(p -> "; " + (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message())
                .collect(Collectors.joining());
        return new ContentProblem(first.severity(), first.kind(), first.path(), first.line(), message, first.hint());
    }

    public long count(Severity severity) {
        return lines.stream().filter(p -> p.severity() == severity).count();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** "12 posts without a date (12 files), 3 tags with nothing left in them (2 files)", or "none". */
    public String byKind() {
        if (kinds.isEmpty()) {
            return "none";
        }
        return kinds.entrySet().stream().map(e -> e.getValue().problems() + " " + e.getKey().description()
                + " (" + e.getValue().files() + (e.getValue().files() == 1 ? " file)" : " files)"))
                .collect(Collectors.joining(", "));
    }

    /** Both summaries together. */
    public static ProblemSummary of(List<ContentProblem> first, List<ContentProblem> second) {
        List<ContentProblem> all = new ArrayList<>(first);
        all.addAll(second);
        return of(all);
    }

}
