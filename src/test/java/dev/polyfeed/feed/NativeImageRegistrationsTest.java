package dev.polyfeed.feed;

import dev.polyfeed.address.Address;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The native build registers what ROME reaches by reflection beyond its own metadata, the stylesheet
 * resource and every locale. (Checked against a real build: {@code ./mvnw package -Dnative
 * -Dquarkus.native.sources-only=true} lists them in target/native-sources.)
 */
class NativeImageRegistrationsTest {

    @Test
    void romeClassesReachedByIntrospectionAreRegistered() {
        List<Class<?>> targets = List.of(NativeImageRegistrations.class.getAnnotation(RegisterForReflection.class).targets());
        for (Class<?> needed : List.of(com.rometools.rome.feed.module.DCSubjectImpl.class, java.util.Date.class,
                com.rometools.rome.feed.rss.Item.class, com.rometools.rome.feed.atom.Entry.class,
                FeedHistoryModule.Generator.class, LanguageModule.Generator.class)) {
            assertTrue(targets.contains(needed), needed.getName());
        }
    }

    @Test
    void stylesheetAndLocalesAreInTheNativeImage() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertTrue(properties.getProperty("quarkus.native.resources.includes", "").contains(Address.STYLESHEET.exportFile()));
        assertTrue(properties.getProperty("quarkus.native.resources.includes", "").contains("rome.properties"));
        assertTrue(properties.getProperty("quarkus.locales", "").equals("all"));
        assertTrue(getClass().getResource("/" + Address.STYLESHEET.exportFile()) != null);
    }
}
