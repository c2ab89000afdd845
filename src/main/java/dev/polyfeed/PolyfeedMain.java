package dev.polyfeed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.polyfeed.publish.Publication;
import dev.polyfeed.publish.PublicationStore;
import dev.polyfeed.publish.StaticExport;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import sun.misc.Signal;

/**
 * Serves by default; {@code --export <dir>} writes every document the server would send as files and
 * exits. Content problems make the export fail only in strict mode ({@code -Dpolyfeed.strict=true}),
 * where startup itself fails with the list of problems.
 */
@QuarkusMain
public class PolyfeedMain {

    static final String EXPORT = "--export";

    /**
     * Quarkus answers a request whose URI {@link java.net.URI} rejects (a raw {@code |}, {@code ^} or
     * {@code [}, which browsers send as they are) with an empty 400 before any route sees it. Polyfeed
     * redirects such a request to its percent-encoded form instead (see {@code DocumentRoute}), so that
     * a reader following a link gets the feed or a 404 that says why.
     */
    public static final String ACCEPT_RAW_URIS = "vertx.disableURIValidation";

    public static void main(String... args) {
        System.setProperty(ACCEPT_RAW_URIS, "true");
        if (List.of(args).contains(EXPORT)) {
            // an export must not fight a running server for its ports (the site's and the management one)
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.http.host", "127.0.0.1");
            System.setProperty("quarkus.management.port", "0");
            System.setProperty("quarkus.management.host", "127.0.0.1");
        }
        Quarkus.run(Application.class, args);
    }

    /**
     * SIGTERM (what Kubernetes, podman and systemd send) starts the same graceful shutdown as the JVM's
     * own handler would (readiness DOWN, the shutdown delay, requests in flight finished within the
     * shutdown timeout) but ends with exit code 0, not 143: stopping on request is not a failure.
     */
    static void stopCleanlyOnSigterm() {
        try {
            Signal.handle(new Signal("TERM"), signal -> Quarkus.asyncExit(0));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // a platform without SIGTERM keeps the JVM's own handling
        }
    }

    public static class Application implements QuarkusApplication {

        private static final Logger LOG = Logger.getLogger(PolyfeedMain.class);

        @Inject
        PublicationStore store;

        @Override
        public int run(String... args) throws Exception {
            int export = Arrays.asList(args).indexOf(EXPORT);
            if (export < 0) {
                stopCleanlyOnSigterm();
                Quarkus.waitForExit();
                return 0;
            }
            if (export + 1 >= args.length) {
                LOG.error("--export needs a folder: --export <dir>");
                return 2;
            }
            Path directory = Path.of(args[export + 1]);
            Publication publication = store.current();
            int written;
            try {
                written = StaticExport.write(publication, directory);
            } catch (IOException e) {
                LOG.errorf("The export to %s failed: %s", directory.toAbsolutePath(), e.getMessage());
                return 1;
            }
            // every body is rendered by now; wait for the check so that its problems are in the log
            store.checkBodiesNow();
            publication.awaitBodyProblems();
            LOG.infof("Exported %d documents (and their .gz twins) to %s", written, directory.toAbsolutePath());
            return 0;
        }
    }
}
