package dev.polyfeed.publish;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.polyfeed.config.PolyfeedConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes content changes without a restart: a file watcher ({@code polyfeed.watch}) and SIGHUP
 * ({@code polyfeed.reload-on-sighup}). A reload runs on its own thread, never on a request's; the new
 * publication is swapped in whole, so a request sees the old content or the new, never a mix.
 */
@ApplicationScoped
public class ContentWatcher {

    private static final Logger LOG = Logger.getLogger(ContentWatcher.class);
    /** Editors save in bursts (temp file, rename, chmod): wait until the tree is quiet this long. */
    static final long QUIET_MILLIS = 300;
    /** ...but never longer than this after the first change, however busy the tree is. */
    static final long MAX_DELAY_MILLIS = 1500;

    private final PolyfeedConfig config;
    private final PublicationStore store;
    private volatile WatchService watchService;
    private volatile Thread thread;

    ContentWatcher(PolyfeedConfig config, PublicationStore store) {
        this.config = config;
        this.store = store;
    }

    // after the store's own startup load (observers with a lower priority value run first; the default is +500)
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (config.reloadOnSighup()) {
            SighupReload.install(this::reloadSafely);
        }
        if (config.watch()) {
            start(Path.of(config.contentDir()));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        WatchService service = watchService;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.debug("closing the content watcher", e);
            }
        }
    }

    /** Reloads, keeping the current publication if the reload fails (e.g. strict mode finds a problem). */
    void reloadSafely() {
        try {
            store.reload();
        } catch (RuntimeException e) {
            LOG.errorf("Content reload failed; still serving the previous content. %s", e.getMessage());
        }
    }

    private void start(Path root) {
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            registerTree(service, root);
            watchService = service;
            thread = new Thread(() -> watch(service, root), "polyfeed-content-watcher");
            thread.setDaemon(true);
            thread.start();
            LOG.infof("Watching %s for content changes", root);
        } catch (IOException e) {
            LOG.errorf("Cannot watch %s for changes (%s); reload with SIGHUP instead", root, e.getMessage());
        }
    }

    private void watch(WatchService service, Path root) {
        try {
            while (true) {
                WatchKey first = service.take();
                boolean relevant = drain(service, first, root);
                long started = System.currentTimeMillis();
                // debounce: keep collecting until quiet, bounded by MAX_DELAY_MILLIS
                while (System.currentTimeMillis() - started < MAX_DELAY_MILLIS) {
                    WatchKey next = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        break;
                    }
                    relevant |= drain(service, next, root);
                }
                if (relevant) {
                    reloadSafely();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // shutting down
        }
    }

    /** Takes a key's events, registers new folders, and says whether anything but hidden files changed. */
    private boolean drain(WatchService service, WatchKey key, Path root) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            if (changed.getFileName().toString().startsWith(".")) {
                continue;
            }
            relevant = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                try {
                    registerTree(service, changed);
                } catch (IOException e) {
                    LOG.warnf("Cannot watch new folder %s: %s", changed, e.getMessage());
                }
            }
        }
        key.reset();
        return relevant;
    }

    private static void registerTree(WatchService service, Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
