package dev.polyfeed.testing;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to Quarkus's management interface, where health is served: its own port
 * ({@code quarkus.management.test-port} in tests), not the public one that {@code given()} uses.
 */
public final class Management {

    private Management() {
    }

    /** The management interface's port, as the test framework resolves it ({@code test.management.url}). */
    public static int port() {
        return URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class)).getPort();
    }

    /** {@code given()} on the management port: {@code Management.given().get("/q/health/ready")}. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
