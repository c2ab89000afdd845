import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the class-data sharing archive the jar starts with ({@code app-cds.jsa} beside it) from a
 * training run: the built server is started with {@code -XX:ArchiveClassesAtExit} on a content folder,
 * asked for every document its {@code feeds.opml} lists (plain, gzip'd and conditional, so that 304s
 * are trained too), a page that does not exist, then stopped as an operator stops it (SIGTERM). The JVM
 * writes the classes it loaded on the way into the archive as it exits.
 *
 * <p>Why not Quarkus's own archive: that one is made by a run that stops after static initialisation,
 * so the classes the server loads while it starts listening, loads the content and renders its first
 * feed (Vert.x, Netty, flexmark, SnakeYAML, ROME, jsoup: about 3,800 of 7,200) were read and defined
 * from the jars at every start. Measured at 1,000 posts on 2 cores: 2.4–3.1 s to the first feed with
 * this archive against 3.1–3.8 s with Quarkus's, and a fifth less CPU.
 *
 * <p>Run by the build ({@code pom.xml}, phase {@code package}) with the JDK that builds, since an archive
 * is valid only for the JVM that wrote it:
 * {@code java src/build/ClassDataTraining.java target/quarkus-app content}. Loopback only.
 */
public class ClassDataTraining {

    static final String ARCHIVE = "app-cds.jsa";
    static final Duration READY_WITHIN = Duration.ofMinutes(2);
    static final Pattern OPML_URL = Pattern.compile("(?:xmlUrl|htmlUrl)=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java src/build/ClassDataTraining.java <quarkus-app folder> <content folder>");
            System.exit(2);
        }
        Path app = Path.of(args[0]).toAbsolutePath();
        Path content = Path.of(args[1]).toAbsolutePath();
        Path log = app.resolve("app-cds-training.log");
        Path archive = app.resolve(ARCHIVE);
        Files.deleteIfExists(archive);
        long started = System.nanoTime();
        int port = freePort();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + ARCHIVE,
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=0",
                "-Dquarkus.shutdown.delay=0s", "-Dpolyfeed.content-dir=" + content,
                "-jar", "quarkus-run.jar")
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            int documents = train(server, "http://127.0.0.1:" + port);
            server.destroy();
            if (!server.waitFor(1, TimeUnit.MINUTES)) {
                fail("the training server did not stop within a minute of SIGTERM", log);
            }
            boolean written = Files.isRegularFile(archive);
            if (server.exitValue() != 0 || !written) {
                fail("the training server exited with " + server.exitValue() + " and left "
                        + (written ? "an archive" : "no archive"), log);
            }
            System.out.printf("%s: trained on %d documents of %s in %.1f s (%d MiB)%n", archive,
                    documents, content, (System.nanoTime() - started) / 1e9, Files.size(archive) >> 20);
        } finally {
            server.destroyForcibly();
        }
    }

    private static int train(Process server, String base) throws IOException, InterruptedException {
        // HTTP/1.1, what feed readers and the benchmark's load generators speak
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String opml = waitForOpml(server, client, base);
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/feeds.opml", "/no-such-page"));
        Matcher urls = OPML_URL.matcher(opml);
        while (urls.find()) {
            URI uri = URI.create(urls.group(1).replace("&amp;", "&"));
            paths.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
        List<String> failed = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<byte[]> plain = get(client, base + path, "Accept-Encoding", "identity");
            get(client, base + path, "Accept-Encoding", "gzip");
            plain.headers().firstValue("ETag").ifPresent(etag -> get(client, base + path, "If-None-Match", etag));
            if (plain.statusCode() >= 500) {
                failed.add(path + " " + plain.statusCode());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("the training server failed on " + failed);
        }
        return paths.size();
    }

    private static String waitForOpml(Process server, HttpClient client, String base)
            throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the training server exited with " + server.exitValue());
            }
            try {
                HttpResponse<String> opml = client.send(HttpRequest.newBuilder(URI.create(base + "/feeds.opml")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (opml.statusCode() == 200) {
                    return opml.body();
                }
            } catch (IOException notListeningYet) {
                // the port opens once the content is loaded
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the training server did not serve /feeds.opml within " + READY_WITHIN);
    }

    private static HttpResponse<byte[]> get(HttpClient client, String url, String header, String value) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header(header, value).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void fail(String what, Path log) {
        throw new IllegalStateException(what + "; its log: " + log);
    }
}
