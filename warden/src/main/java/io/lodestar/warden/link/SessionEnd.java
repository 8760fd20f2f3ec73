package io.lodestar.warden.link;

import io.grpc.Status;

/**
 * How one link stream ended.
 *
 * @param welcomed whether the Supervisor accepted the Hello
 */
record SessionEnd(boolean welcomed, Status status) {

    boolean refused() {
        return status.getCode() == Status.Code.UNAUTHENTICATED || status.getCode() == Status.Code.PERMISSION_DENIED;
    }
}
