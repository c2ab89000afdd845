package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * rss2email (Debian's package, its default configuration: plain-text mail) subscribed to a Turkish
 * Atom and RSS feed of the fixture tree (src/test/resources/fixture-content), mailing through a
 * sendmail that writes to a file: each feed's mail of "Merhaba dünya" holds the whole article, not
 * its one-line summary. Runs where rss2email is installed (apt-get install rss2email; .ci/run does),
 * skipped elsewhere.
 */
@QuarkusTest
class Rss2EmailTest {

    private static final Path R2E = Path.of("/usr/bin/r2e");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private static String run(Path home, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(R2E.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        return output;
    }

    @Test
    void mailsTheWholeArticleForAtomAsForRss() throws Exception {
        assumeTrue(Files.isExecutable(R2E), "rss2email is not installed");
        Path home = Files.createDirectories(Path.of("target", "rss2email").toAbsolutePath());
        try (var old = Files.walk(home)) {
            old.sorted((a, b) -> b.compareTo(a)).filter(p -> !p.equals(home)).forEach(p -> p.toFile().delete());
        }
        Path mailbox = home.resolve("mailbox.txt");
        Path sendmail = home.resolve("sendmail.sh");
        Files.writeString(sendmail, "#!/bin/sh\n{ cat; echo '----- end of message -----'; } >> '" + mailbox + "'\n");
        sendmail.toFile().setExecutable(true);

        run(home, "new", "reader@example.org");
        Path config = home.resolve("config/rss2email.cfg");
        Files.writeString(config, Files.readString(config).replaceFirst("(?m)^sendmail = .*$", "sendmail = " + sendmail));
        run(home, "add", "atom", "http://localhost:" + port + "/tr/atom.xml");
        run(home, "add", "rss", "http://localhost:" + port + "/tr/rss.xml");
        String output = run(home, "run");

        String[] mails = Files.readString(mailbox).split("----- end of message -----");
        List<String> merhaba = new ArrayList<>();
        for (String mail : mails) {
            if (mail.contains("X-RSS-Feed") && mail.contains("/posts/merhaba")) {
                merhaba.add(mail);
            }
        }
        assertEquals(2, merhaba.size(), "one mail of the post per feed: " + output);
        for (String mail : merhaba) {
            String feed = mail.lines().filter(line -> line.startsWith("X-RSS-Feed:")).findFirst().orElseThrow();
            String body = decodedBody(mail);
            // the article's heading, its links and its code block: the whole body, not the summary
            assertTrue(body.contains("Başlık"), feed + "\n" + body);
            assertTrue(body.contains("girintili"), feed + "\n" + body);
            assertTrue(body.contains("https://feeds.example.org/blog/tr/posts/merhaba/img/a.png"), feed + "\n" + body);
            assertFalse(body.strip().equals("İlk yazı."), feed);
        }
    }

    /** The body of a single-part mail as rss2email writes it: base64, quoted-printable or 8-bit UTF-8. */
    private static String decodedBody(String mail) {
        String text = mail.strip().replace("\r\n", "\n");
        int blank = text.indexOf("\n\n");
        String headers = text.substring(0, blank).toLowerCase(java.util.Locale.ROOT);
        String body = text.substring(blank + 2);
        if (headers.contains("content-transfer-encoding: base64")) {
            return new String(java.util.Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        }
        if (headers.contains("content-transfer-encoding: quoted-printable")) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            String joined = body.replace("=\n", "");
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length()) {
                    bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
        return body;
    }
}
