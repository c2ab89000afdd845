package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Without a watcher, `kill -HUP <pid>` publishes the content as it is now. */
@QuarkusTest
@TestProfile(SighupReloadTest.NotWatching.class)
class SighupReloadTest {

    static final Path CONTENT = Path.of("target", "sighup-content");

    public static class NotWatching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            ReloadTest.copyFixture(CONTENT);
            return Map.of("polyfeed.content-dir", CONTENT.toString(), "polyfeed.watch", "false");
        }
    }

    @Test
    void sighupReloads() throws Exception {
        ReloadTest.write(CONTENT, "tr/sinyal.md", "---\ntitle: Sinyal\ndate: 2024-06-01\n---\n\nMetin.\n");
        Thread.sleep(2_000);
        assertFalse(ReloadTest.titles("/tr/atom.xml").contains("Sinyal"), "nothing watches the folder");
        // the shell's own kill: no procps needed
        Process kill = new ProcessBuilder("sh", "-c", "kill -HUP " + ProcessHandle.current().pid()).start();
        assertEquals(0, kill.waitFor());
        ReloadTest.eventually("the post after SIGHUP", () -> ReloadTest.titles("/tr/atom.xml").contains("Sinyal"));
    }
}
