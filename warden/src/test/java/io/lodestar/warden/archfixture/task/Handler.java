package io.lodestar.warden.archfixture.task;

import io.lodestar.warden.archfixture.runtime.Driver;
import io.lodestar.warden.archfixture.state.Journal;

public final class Handler {

    public String run() {
        return new Driver().start() + " as journalled in " + new Journal().file();
    }
}
