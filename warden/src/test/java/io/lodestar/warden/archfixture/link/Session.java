package io.lodestar.warden.archfixture.link;

import io.lodestar.warden.archfixture.task.Handler;

public final class Session {

    public String address() {
        return "127.0.0.1:9000";
    }

    public String receive() {
        return new Handler().run();
    }
}
