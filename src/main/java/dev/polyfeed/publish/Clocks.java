package dev.polyfeed.publish;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The time Polyfeed runs on: the system's, in UTC. Tests that need another time construct with their own. */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
