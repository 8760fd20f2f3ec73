package io.lodestar.supervisor.tenancy;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.supervisor.common.DomainException;

/** Reads the fields the tenancy and key bodies share. */
final class TenancyBodies {

    static final int MAX_NAME = 200;

    private TenancyBodies() {
    }

    static String name(JsonNode request, String what) {
        String name = request.path("name").asText("").trim();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new DomainException.Invalid("name is required: " + what + " of 1 to " + MAX_NAME + " characters.");
        }
        return name;
    }

    static String permissionNames() {
        return Arrays.stream(Permission.values()).map(Permission::wireName).collect(Collectors.joining(", "));
    }
}
