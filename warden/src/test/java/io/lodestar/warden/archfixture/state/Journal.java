package io.lodestar.warden.archfixture.state;

import io.lodestar.warden.archfixture.config.Settings;

public final class Journal {

    public String file() {
        return new Settings().command() + ".journal";
    }
}
