package dev.polyfeed.publish;

/** Reaches the content watcher's thread, for tests that end it the way a failure would. */
public final class Watchers {

    private Watchers() {
    }

    public static Thread thread(PublicationStore store) {
        return store.watcher().orElseThrow().thread();
    }
}
