package io.lodestar.supervisor.audit;

import java.util.Arrays;

import io.lodestar.supervisor.common.DomainException;

/** How a state-changing request ended, from its HTTP status. */
public enum AuditOutcome {
    /** 2xx/3xx. */
    SUCCEEDED,
    /** 401 or 403: no usable key, or a key without the permission. */
    DENIED,
    /** Any other 4xx: the request was refused as invalid, unknown or conflicting. */
    REJECTED,
    /** 5xx. */
    FAILED;

    public String wireName() {
        return name().toLowerCase();
    }

    static AuditOutcome of(int status) {
        if (status < 400) {
            return SUCCEEDED;
        }
        if (status == 401 || status == 403) {
            return DENIED;
        }
        return status < 500 ? REJECTED : FAILED;
    }

    static AuditOutcome parse(String value) {
        return Arrays.stream(values()).filter(o -> o.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new DomainException.Invalid("Unknown outcome '" + value
                        + "'; use succeeded, denied, rejected or failed."));
    }
}
