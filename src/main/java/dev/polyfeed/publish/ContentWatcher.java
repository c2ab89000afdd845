package dev.polyfeed.publish;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.polyfeed.content.ContentLoader;

/**
 * Tells when files under the content folder change, once a burst of changes has settled: one thread
 * on the file system's events. It only reports; {@link PublicationStore} decides what to do, and
 * restarts a watcher whose thread ended for any reason other than {@link #close()}.
 */
final class ContentWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ContentWatcher.class);
    /**
     * Editors save in bursts (temporary file, rename, chmod) a few milliseconds long: wait until the
     * tree is quiet this long. Every millisecond here is one more before an edit is served; a burst cut
     * short is only one more reload, which the next event asks for.
     */
    static final long QUIET_MILLIS = 150;
    /** ...but never longer than this after the first change, however busy the tree is. */
    static final long MAX_DELAY_MILLIS = 1500;

    private final Path root;
    private final java.util.function.Consumer<ContentLoader.Changes> changed;
    private final WatchService service;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;
    /** When the last change that matters was seen (System.nanoTime), 0 before any. */
    private volatile long lastChangeNanos;

    /**
     * Starts watching.
     *
     * @param changed told on the watcher's thread, after each settled burst of changes, which files
     *        changed (or that anything may have: events lost, a folder created, moved or deleted)
     */
    ContentWatcher(Path root, java.util.function.Consumer<ContentLoader.Changes> changed) throws IOException {
        this.root = root;
        this.changed = changed;
        this.service = FileSystems.getDefault().newWatchService();
        registerTree(service, root);
        this.thread = new Thread(this::watch, "polyfeed-content-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    /** Whether a change was seen within this long: its reload is on its way. */
    boolean sawChangeWithin(java.time.Duration recent) {
        long last = lastChangeNanos;
        return last != 0 && System.nanoTime() - last < recent.toNanos();
    }

    /** Why the watcher's thread ended, if it did. */
    String failure() {
        Throwable cause = failure;
        return cause == null ? "the watcher's thread ended" : cause.toString();
    }

    /** The watcher's thread, for tests that end it the way a failure would. */
    Thread thread() {
        return thread;
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the content watcher", e);
        }
    }

    private void watch() {
        try {
            while (!closed) {
                WatchKey first = service.take();
                Burst burst = new Burst();
                boolean relevant = drain(first, burst);
                long started = System.currentTimeMillis();
                // debounce: keep collecting until quiet, bounded by MAX_DELAY_MILLIS
                while (System.currentTimeMillis() - started < MAX_DELAY_MILLIS) {
                    WatchKey next = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        break;
                    }
                    relevant |= drain(next, burst);
                }
                if (relevant) {
                    changed.accept(burst.anything ? ContentLoader.Changes.ANYTHING : new ContentLoader.Changes.Files(burst.files));
                }
            }
        } catch (ClosedWatchServiceException e) {
            if (!closed) {
                failure = e;
            }
        } catch (InterruptedException e) {
            failure = e;
        } catch (Throwable e) { // an OutOfMemoryError included: the store restarts the watcher
            failure = e;
            LOG.errorf("The content watcher failed: %s", e.toString());
        }
    }

    /** What one settled burst of events changed. */
    private static final class Burst {
        final java.util.Set<Path> files = new java.util.HashSet<>();
        boolean anything;
    }

    /**
     * Takes a key's events, registers new folders, notes what changed, and says whether anything but
     * hidden files changed. Events lost, and folders created or gone, mean anything may have changed.
     */
    private boolean drain(WatchKey key, Burst burst) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                burst.anything = true;
                continue;
            }
            Path changedPath = dir.resolve((Path) event.context());
            String name = changedPath.getFileName().toString();
            // editors' and rsync's temporary files are hidden; a ConfigMap's "..data" swap is not noise
            if (name.startsWith(".") && !name.startsWith("..")) {
                continue;
            }
            relevant = true;
            lastChangeNanos = System.nanoTime();
            burst.files.add(changedPath.toAbsolutePath().normalize());
            if (name.startsWith("..") || Files.isDirectory(changedPath)) {
                burst.anything = true;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changedPath)) {
                try {
                    registerTree(service, changedPath);
                } catch (IOException e) {
                    LOG.warnf("Cannot watch new folder %s: %s", changedPath, e.getMessage());
                }
            }
        }
        key.reset();
        return relevant;
    }

    private static void registerTree(WatchService service, Path root) throws IOException {
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a link loop: the loader reports it
            }
        });
    }
}
