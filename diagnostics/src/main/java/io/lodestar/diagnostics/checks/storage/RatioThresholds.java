package io.lodestar.diagnostics.checks.storage;

import io.lodestar.diagnostics.Status;

/** Free-ratio thresholds shared by space and inode checks: warn under 15 %, fail under 5 %. */
final class RatioThresholds {

    static final double WARN_FREE = 0.15;
    static final double FAIL_FREE = 0.05;

    private RatioThresholds() {
    }

    static Status judge(double freeRatio) {
        return freeRatio < FAIL_FREE ? Status.FAIL : freeRatio < WARN_FREE ? Status.WARN : Status.PASS;
    }
}
