package dev.polyfeed.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Without a hub (the default), feeds name none, inside or in their answer's header. */
@QuarkusTest
class NoHubTest {

    @Test
    void noHubByDefault() {
        assertEquals(0, FeedsTest.feed("/tr/rss.xml").count("//atom:link[@rel='hub']"));
        assertEquals(0, FeedsTest.feed("/tr/atom.xml").count("//a:link[@rel='hub']"));
        assertEquals(List.of(), given().get("/tr/atom.xml").headers().getValues("Link"));
    }
}
