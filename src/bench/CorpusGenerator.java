import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a deterministic benchmark corpus: N posts across 8 languages, real-looking text in each
 * script (tr, hi, ar and id reshuffle the sentences of the repository's content/), about 200 tags per
 * language drawn Zipf-like, 2 to 6 tags a post, ~8 KB Markdown bodies with headings, lists, links,
 * images, a table and a code block, and a date on 9 posts in 10.
 *
 *   java src/bench/CorpusGenerator.java <output-dir> <posts> [seed] [content-dir]
 *
 * The same arguments always write the same bytes (file modification times included).
 */
public class CorpusGenerator {

    static final List<String> LANGUAGES = List.of("en", "tr", "hi", "ar", "id", "zh", "ru", "ja");
    static final int TAGS_PER_LANGUAGE = 200;
    static final int BODY_BYTES = 8 * 1024;

    /** Sentences for the languages content/ has no post in. */
    static final Map<String, List<String>> BUILT_IN = Map.of(
            "en", List.of("Open models changed how small teams build products.",
                    "The training recipe matters as much as the data.",
                    "Reasoning improves when the model is given room to think.",
                    "Distillation moves capability from large models to small ones.",
                    "Benchmarks reward what they measure, and little else.",
                    "Inference cost decides which ideas reach production.",
                    "A careful evaluation saves months of guessing."),
            "zh", List.of("开源模型改变了小团队构建产品的方式。", "训练方法与数据同样重要。", "给模型思考的空间，推理能力就会提高。",
                    "蒸馏把大模型的能力转移到小模型上。", "基准测试只奖励它所衡量的东西。", "推理成本决定了哪些想法能够上线。",
                    "仔细的评估可以节省数月的猜测。"),
            "ru", List.of("Открытые модели изменили то, как небольшие команды создают продукты.",
                    "Рецепт обучения важен не меньше, чем данные.", "Рассуждения улучшаются, когда модели дают время подумать.",
                    "Дистилляция переносит возможности больших моделей в маленькие.",
                    "Бенчмарки вознаграждают только то, что измеряют.",
                    "Стоимость вывода решает, какие идеи дойдут до продакшена.",
                    "Тщательная оценка экономит месяцы догадок."),
            "ja", List.of("オープンモデルは小さなチームの製品づくりを変えた。", "学習のレシピはデータと同じくらい重要だ。",
                    "考える余地を与えると、モデルの推論は良くなる。", "蒸留は大きなモデルの能力を小さなモデルへ移す。",
                    "ベンチマークは測るものしか評価しない。", "推論コストがどのアイデアを本番に届けるかを決める。",
                    "丁寧な評価は何か月もの推測を省く。"));

    static final Map<String, String> SEED_FILES = Map.of("tr", "tr/deepseek-open-source-revolution.md",
            "hi", "hi/deepseek-open-source-revolution.md", "ar", "ar/deepseek-open-source-revolution.md",
            "id", "id/deepseek-open-source-revolution.md");

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java src/bench/CorpusGenerator.java <output-dir> <posts> [seed] [content-dir]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int posts = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Path content = Path.of(args.length > 3 ? args[3] : "content");
        if (Files.exists(out)) {
            try (Stream<Path> old = Files.walk(out)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(out);
        Random random = new Random(seed);
        StringBuilder site = new StringBuilder("title: Polyfeed benchmark\ndescription: Generated corpus\n"
                + "id: {authority: bench.example, date: 2025}\nlanguages:\n");
        Map<String, List<String>> sentences = new java.util.HashMap<>();
        Map<String, List<String>> tags = new java.util.HashMap<>();
        for (String language : LANGUAGES) {
            List<String> list = SEED_FILES.containsKey(language) ? sentencesOf(content.resolve(SEED_FILES.get(language)))
                    : BUILT_IN.get(language);
            sentences.put(language, list);
            tags.put(language, tagsOf(list, language, random));
            site.append("  ").append(language).append(": {title: \"Polyfeed ").append(language).append("\"}\n");
        }
        Files.writeString(out.resolve("site.yml"), site.toString());
        Files.writeString(out.resolve("authors.yml"), "bench:\n  name: Bench Author\n  url: https://bench.example/\n");
        LocalDate start = LocalDate.of(2015, 1, 1);
        for (int i = 0; i < posts; i++) {
            String language = LANGUAGES.get(i % LANGUAGES.size());
            List<String> pool = sentences.get(language);
            LocalDate date = start.plusDays(random.nextInt(3650));
            String slug = "post-" + i;
            Set<String> postTags = new LinkedHashSet<>();
            int count = 2 + random.nextInt(5);
            while (postTags.size() < count) {
                postTags.add(tags.get(language).get(zipf(random, TAGS_PER_LANGUAGE)));
            }
            StringBuilder md = new StringBuilder(BODY_BYTES + 512).append("---\n")
                    .append("title: \"").append(sentence(pool, random).replace("\"", "'")).append("\"\n");
            if (random.nextInt(10) != 0) {
                md.append("date: ").append(date).append("T").append(String.format("%02d:%02d:00Z", random.nextInt(24), random.nextInt(60))).append('\n');
            }
            md.append("tags: [").append(String.join(", ", postTags.stream().map(t -> "\"" + t + "\"").toList())).append("]\n")
                    .append("authors: [bench]\n---\n\n");
            body(md, pool, random, i);
            Path file = out.resolve(language).resolve(slug + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, md.toString());
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-06-01T00:00:00Z").plusSeconds(i)));
        }
    }

    static void body(StringBuilder md, List<String> pool, Random random, int index) {
        int section = 0;
        while (md.length() < BODY_BYTES) {
            md.append("## ").append(sentence(pool, random)).append("\n\n");
            for (int p = 0; p < 3; p++) {
                for (int s = 0; s < 4; s++) {
                    md.append(sentence(pool, random)).append(' ');
                }
                md.append("[link](https://example.org/").append(index).append('/').append(section).append(")\n\n");
            }
            md.append("- ").append(sentence(pool, random)).append("\n- ").append(sentence(pool, random)).append("\n\n");
            if (section == 0) {
                md.append("![figure](images/figure-").append(index).append(".png)\n\n")
                        .append("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n\n")
                        .append("```java\nint answer = 42;\nSystem.out.println(answer);\n```\n\n");
            }
            section++;
        }
    }

    static String sentence(List<String> pool, Random random) {
        return pool.get(random.nextInt(pool.size()));
    }

    /** Zipf-like: rank r is chosen with weight 1/r. */
    static int zipf(Random random, int n) {
        double total = 0;
        for (int r = 1; r <= n; r++) {
            total += 1.0 / r;
        }
        double x = random.nextDouble() * total;
        for (int r = 1; r <= n; r++) {
            x -= 1.0 / r;
            if (x <= 0) {
                return r - 1;
            }
        }
        return n - 1;
    }

    static List<String> sentencesOf(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String body = text.substring(text.indexOf("\n---\n", 4) + 5).replaceAll("[*#>\\[\\]()!|`-]", " ");
        List<String> list = new ArrayList<>();
        for (String piece : Pattern.compile("(?<=[.!?।۔؟])\\s+").split(body)) {
            String sentence = piece.replaceAll("\\s+", " ").strip();
            if (sentence.length() > 20 && sentence.length() < 300 && !sentence.contains("http")) {
                list.add(sentence);
            }
        }
        return list;
    }

    /** 200 tags per language, made of the language's own words. */
    static List<String> tagsOf(List<String> sentences, String language, Random random) {
        List<String> words = new ArrayList<>();
        for (String sentence : sentences) {
            for (String word : sentence.split("[\\s,.;:!?،。、]+")) {
                if (word.codePointCount(0, word.length()) >= 2 && !word.matches(".*[0-9\"'].*")) {
                    words.add(word);
                }
            }
        }
        if (words.isEmpty() || language.equals("zh") || language.equals("ja")) {
            // scripts without spaces: cut the sentences into short runs of characters
            words.clear();
            for (String sentence : sentences) {
                String clean = sentence.replaceAll("[。、，.]", "");
                for (int i = 0; i + 2 <= clean.length(); i += 2) {
                    words.add(clean.substring(i, i + 2));
                }
            }
        }
        Set<String> tags = new LinkedHashSet<>();
        while (tags.size() < TAGS_PER_LANGUAGE) {
            String tag = words.get(random.nextInt(words.size()));
            if (tags.size() > words.size() / 2 || random.nextBoolean()) {
                tag = tag + " " + words.get(random.nextInt(words.size()));
            }
            tags.add(tag);
        }
        return new ArrayList<>(tags);
    }
}
