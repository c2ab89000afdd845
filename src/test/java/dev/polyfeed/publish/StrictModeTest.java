package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.content.ContentProblem;

class StrictModeTest {

    @TempDir
    Path content;

    private static PolyfeedConfig config(Path content, boolean strict) {
        return new PolyfeedConfig() {
            public String contentDir() {
                return content.toString();
            }

            public Optional<String> baseUrl() {
                return Optional.of("https://example.org");
            }

            public int feedSize() {
                return 20;
            }

            public Optional<String> layout() {
                return Optional.empty();
            }

            public Optional<String> siteUrl() {
                return Optional.empty();
            }

            public Optional<String> permalink() {
                return Optional.empty();
            }

            public Optional<java.util.List<String>> sections() {
                return Optional.empty();
            }

            public boolean strict() {
                return strict;
            }

            public Watch watch() {
                return new Watch() {
                    public boolean enabled() {
                        return false;
                    }

                    public java.time.Duration staleAfter() {
                        return java.time.Duration.ofSeconds(60);
                    }

                    public java.time.Duration pollInterval() {
                        return java.time.Duration.ofSeconds(5);
                    }
                };
            }

            public boolean reloadOnSighup() {
                return false;
            }

            public Optional<Integer> cacheMb() {
                return Optional.of(16);
            }

            public Render render() {
                return new Render() {
                    public int concurrency() {
                        return 0;
                    }

                    public java.time.Duration queueTimeout() {
                        return java.time.Duration.ofSeconds(2);
                    }

                    public java.time.Duration checkDelay() {
                        return java.time.Duration.ZERO;
                    }
                };
            }

            public Http http() {
                return null;
            }

            public Websub websub() {
                return new Websub() {
                    public Optional<String> hub() {
                        return Optional.empty();
                    }

                    public int batchSize() {
                        return 100;
                    }

                    public java.time.Duration retryBackoff() {
                        return java.time.Duration.ofSeconds(1);
                    }

                    public java.time.Duration timeout() {
                        return java.time.Duration.ofSeconds(10);
                    }
                };
            }
        };
    }

    @Test
    void strictModeFailsWithTheFullListOfProblems() throws IOException {
        Files.writeString(content.resolve("site.yml"), "title: T\nid: {authority: example.org, date: 2024}\n");
        Files.createDirectories(content.resolve("tr"));
        Files.writeString(content.resolve("tr/good.md"), "---\ntitle: İyi\ndate: 2024-01-01\n---\nx\n");
        Files.writeString(content.resolve("tr/bad.md"), "---\ntitle: [unclosed\n---\n");
        Files.writeString(content.resolve("tr/undated.md"), "---\ntitle: Tarihsiz\n---\nx\n");
        // found only by rendering the body, which serving defers and strict mode must not
        Files.writeString(content.resolve("tr/script.md"),
                "---\ntitle: Betik\ndate: 2024-01-02\n---\nMetin\n\n<script>alert(1)</script>\n");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new PublicationStore(config(content, true), java.time.Clock.systemUTC()).reload());
        String message = failure.getMessage();
        assertTrue(message.contains("3 problem(s)"), message);
        assertTrue(message.contains("ERROR " + content.resolve("tr/bad.md") + ":3: YAML cannot be read: while parsing a flow sequence started on line 2"), message);
        assertTrue(message.contains("WARNING " + content.resolve("tr/undated.md") + ": no date"), message);
        // at the line of the <script> element itself, not where the body starts
        assertTrue(message.contains("WARNING " + content.resolve("tr/script.md")
                + ":7: HTML that feeds must not carry was removed: <script> (line 7)"), message);

        Publication lenient = new PublicationStore(config(content, false), java.time.Clock.systemUTC()).reload();
        assertEquals(3, lenient.catalog().posts().size(), "without strict mode the good posts are served");
        // the background check renders every body and reports the same problem
        List<ContentProblem> bodyProblems = lenient.awaitBodyProblems();
        assertEquals(1, bodyProblems.size(), bodyProblems::toString);
        assertEquals(content.resolve("tr/script.md").toString(), bodyProblems.get(0).path());
        assertEquals(7, bodyProblems.get(0).line());
        String rss = lenient.find("/tr/rss.xml").orElseThrow().text();
        assertTrue(rss.contains("Metin") && !rss.contains("alert(1)"), rss);
    }
}
