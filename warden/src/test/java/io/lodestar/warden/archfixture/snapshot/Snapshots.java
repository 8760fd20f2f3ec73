package io.lodestar.warden.archfixture.snapshot;

import io.lodestar.warden.archfixture.task.Handler;

public final class Snapshots {

    public String take() {
        return "after " + new Handler().run();
    }
}
