package dev.polyfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Without a hub (the default), feeds name none. */
@QuarkusTest
class NoHubTest {

    @Test
    void noHubByDefault() {
        assertEquals(0, FeedsTest.feed("/tr/rss.xml").count("//atom:link[@rel='hub']"));
        assertEquals(0, FeedsTest.feed("/tr/atom.xml").count("//a:link[@rel='hub']"));
    }
}
