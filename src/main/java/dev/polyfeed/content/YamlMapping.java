package dev.polyfeed.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML mapping read from an author's file (front matter, {@code site.yml}, {@code authors.yml}),
 * with the file line of each top-level key so that problems can point at it.
 *
 * <p>Reading is deliberately strict and small: {@link SafeConstructor} (no {@code !!java} tags), no
 * duplicate keys, few aliases (no alias bombs), bounded nesting and size. Scalars follow YAML 1.2's
 * core schema as Docusaurus and Hugo authors expect: {@code lang: no} is the text "no", not false,
 * and {@code date: 2025-01-30} stays text so Polyfeed decides its time zone, not SnakeYAML.
 */
public final class YamlMapping {

    static final int MAX_CODE_POINTS = 256 * 1024;
    static final int MAX_ALIASES = 20;
    static final int MAX_NESTING = 16;

    private final Map<String, Object> values;
    private final Map<String, Integer> keyLines;
    /** Top-level keys written more than once, each with the lines of its later spellings. */
    private final Map<String, List<Integer>> repeated;
    /** Each key in lower case to the key as written, first spelling first: for keys typed {@code Author:}. */
    private final Map<String, String> keysIgnoringCase;

    private YamlMapping(Map<String, Object> values, Map<String, Integer> keyLines, Map<String, List<Integer>> repeated) {
        this.values = values;
        this.keyLines = keyLines;
        this.repeated = repeated;
        Map<String, String> lower = new LinkedHashMap<>();
        values.keySet().forEach(key -> lower.putIfAbsent(key.toLowerCase(java.util.Locale.ROOT), key));
        this.keysIgnoringCase = lower;
    }

    public static YamlMapping empty() {
        return new YamlMapping(Map.of(), Map.of(), Map.of());
    }

    /**
     * A mapping read by another parser (TOML or JSON front matter): its values, with the line of each
     * key where known.
     */
    public static YamlMapping of(Map<String, Object> values, Map<String, Integer> keyLines) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return new YamlMapping(Collections.unmodifiableMap(copy), Map.copyOf(keyLines), Map.of());
    }

    /**
     * @param yaml the YAML text
     * @param path reported in problems
     * @param firstLine file line of the first line of {@code yaml} (1-based)
     */
    public static YamlMapping parse(String yaml, String path, int firstLine) throws ContentException {
        if (yaml.isBlank()) {
            return empty();
        }
        Object loaded;
        Node root;
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<String, List<Integer>> repeated = new LinkedHashMap<>();
        try {
            // composed once: the node tree gives each key's line, and is then turned into values
            root = new Composer(new ParserImpl(new StreamReader(yaml), OPTIONS), RESOLVER, OPTIONS).getSingleNode();
            // read before constructing, which drops all but the last of a repeated key from the node tree
            if (root instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        int line = firstLine + key.getStartMark().getLine();
                        if (lines.putIfAbsent(key.getValue(), line) != null) {
                            repeated.computeIfAbsent(key.getValue(), k -> new java.util.ArrayList<>()).add(line);
                        }
                    }
                }
            }
            loaded = root == null ? null : CONSTRUCTORS.get().construct(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ContentException(ContentProblem.error(path, ProblemKind.YAML)
                    .line(mark == null ? 0 : firstLine + mark.getLine())
                    .message("YAML cannot be read: " + describe(e, firstLine))
                    .hint(hintFor(e))
                    .build());
        } catch (YAMLException e) {
            throw new ContentException(ContentProblem.error(path, ProblemKind.YAML).line(firstLine)
                    .message("YAML cannot be read: " + firstLineOf(e.getMessage()))
                    .hint("keep front matter small and plain: no aliases in bulk, no deep nesting")
                    .build());
        }
        if (loaded == null) {
            return empty();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new ContentException(ContentProblem.error(path, ProblemKind.YAML).line(firstLine)
                    .message("YAML is a " + kindOf(loaded) + ", not a mapping of keys to values")
                    .hint("write one 'key: value' per line, such as title: \"My post\"")
                    .build());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        return new YamlMapping(Collections.unmodifiableMap(values), lines, repeated);
    }

    /** Never changed after this, so shared by every parse on every thread. */
    private static final LoaderOptions OPTIONS = loaderOptions();
    private static final Resolver RESOLVER = new CoreSchemaResolver();

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // Jekyll and Hugo take the last of a key written twice (a translator adds a second title: below
        // the original); so does Polyfeed, and says so, rather than lose the post
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }

    /**
     * One constructor per thread: making one sets up its tables of constructs, a tenth of reading a
     * short front matter; what it keeps while constructing a document it clears when done.
     */
    private static final ThreadLocal<NodeConstructor> CONSTRUCTORS = ThreadLocal.withInitial(NodeConstructor::new);

    /** SafeConstructor, given an already composed node. */
    private static final class NodeConstructor extends SafeConstructor {
        NodeConstructor() {
            super(OPTIONS);
            // what org.yaml.snakeyaml.Yaml would copy from the options; without it duplicates pass
            setAllowDuplicateKeys(OPTIONS.isAllowDuplicateKeys());
        }

        Object construct(Node root) {
            return constructDocument(root);
        }
    }


    /** Top-level keys written more than once (the last value counts), each with the lines of the later ones. */
    public Map<String, List<Integer>> repeatedKeys() {
        return repeated;
    }

    public Map<String, Object> values() {
        return values;
    }

    /**
     * The value of a key as written, else of the same key in another case ({@code Title:}, {@code Author:}):
     * Hugo reads front-matter keys without regard to case, and authors coming from it write them so.
     */
    public Object get(String key) {
        return values.get(spelling(key));
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** File line of a top-level key, or 0 when unknown. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(spelling(key), 0);
    }

    private String spelling(String key) {
        return values.containsKey(key) ? key : keysIgnoringCase.getOrDefault(key.toLowerCase(java.util.Locale.ROOT), key);
    }

    static String kindOf(Object value) {
        if (value instanceof Map<?, ?>) {
            return "mapping";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        return value == null ? "nothing" : "single value";
    }

    private static String describe(MarkedYAMLException e, int firstLine) {
        String problem = e.getProblem() != null ? e.getProblem() : firstLineOf(e.getMessage());
        String context = e.getContext();
        if (context == null) {
            return problem;
        }
        // "while parsing a flow sequence" is only useful with where that sequence started
        Mark start = e.getContextMark();
        return start == null ? context + ", " + problem
                : context + " started on line " + (firstLine + start.getLine()) + ", " + problem;
    }

    private static String hintFor(MarkedYAMLException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("found duplicate key")) {
            return "each key may appear once; merge the two values";
        }
        if (text.contains("could not determine a constructor") || text.contains("Global tag is not allowed")) {
            return "tags such as !!java or !custom are not allowed; write plain values";
        }
        if (text.contains("mapping values are not allowed")) {
            return "a value containing ': ' must be quoted, such as title: \"Part 1: the start\"";
        }
        return "check the indentation and quote values that contain ':', '#', '[' or '{'";
    }

    private static String firstLineOf(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** YAML 1.2 core schema for the scalars a post uses: null, true/false; everything else is text. */
    private static final class CoreSchemaResolver extends Resolver {
        private static final Pattern CORE_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, CORE_BOOL, "tTfF");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
