package io.lodestar.warden.archfixture.config;

/** The bottom of the fixture. */
public final class Settings {

    public String command() {
        return "iggy-server";
    }
}
