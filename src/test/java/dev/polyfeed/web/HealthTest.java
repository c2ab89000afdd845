package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.polyfeed.testing.Management;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void readinessReportsWhatWasLoadedAndWhatWasSkipped() {
        String content = "checks.find { it.name == 'content' }";
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(content + ".data.posts", equalTo(8))
                .body(content + ".data.languages", equalTo("ar, en, pt-BR, tr"))
                .body(content + ".data.drafts", equalTo(1))
                .body(content + ".data.skippedFiles", equalTo(3))
                .body(content + ".data.'skipped: src/test/resources/fixture-content/tr/bozuk.md:5'",
                        containsString("YAML cannot be read"))
                .body(content + ".data.'skipped: src/test/resources/fixture-content/tr/basliksiz.md:2'",
                        containsString("no title"))
                .body(content + ".data.'skipped: src/test/resources/fixture-content/drafts/not-a-language.md'",
                        containsString("'drafts' is not a BCP 47 language tag"));
    }

    @Test
    void readinessSaysWhenEveryBodyHasBeenRenderedAndChecked() throws InterruptedException {
        String bodies = "checks.find { it.name == 'content' }.data.bodies";
        // a background thread renders the fixture's handful of bodies right after loading
        for (int attempt = 0; attempt < 100
                && !"checked".equals(Management.given().get("/q/health/ready").jsonPath().getString(bodies)); attempt++) {
            Thread.sleep(100);
        }
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body(bodies, equalTo("checked"))
                // tr/tablo.md has a backspace in its title; tr/2024-03-01-merhaba.md names an unknown author
                .body("checks.find { it.name == 'content' }.data.warnings", equalTo(2));
    }

    @Test
    void livenessIsUp() {
        // something real: the event loop that serves documents runs its tasks
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'serving' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'serving' }.data.eventLoopLastRan", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void onLinuxTheEventLoopServesWithNettysNativeEpoll() {
        String arch = System.getProperty("os.arch");
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux")
                && (arch.equals("amd64") || arch.equals("aarch64")), "the pom carries epoll for Linux x86_64 and aarch64 only");
        Management.given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'serving' }.data.transport", equalTo("epoll"));
    }
}
