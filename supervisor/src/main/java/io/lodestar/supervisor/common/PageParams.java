package io.lodestar.supervisor.common;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters every list takes, as one {@code @BeanParam}: {@code page}/{@code results}
 * or {@code skip}/{@code limit}. {@link PageRequest#of} judges them, so the rules and messages live in
 * one place. They arrive as text so that {@code page=abc} is a 400 saying so, not the framework's 404.
 */
public record PageParams(
        @QueryParam("page")
        @Parameter(description = "Page number, from 1; with results. Not together with skip or limit.",
                schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", defaultValue = "1"))
        String page,
        @QueryParam("results")
        @Parameter(description = "Items per page, 1 to " + PageRequest.MAX_RESULTS + ".",
                schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                        maximum = "" + PageRequest.MAX_RESULTS, defaultValue = "" + PageRequest.DEFAULT_RESULTS))
        String results,
        @QueryParam("skip")
        @Parameter(description = "Items to skip, from 0; with limit. Not together with page or results.",
                schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
        String skip,
        @QueryParam("limit")
        @Parameter(description = "Items to return, 1 to " + PageRequest.MAX_RESULTS + ".",
                schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                        maximum = "" + PageRequest.MAX_RESULTS, defaultValue = "" + PageRequest.DEFAULT_RESULTS))
        String limit) {

    /** The page asked for; a 400 problem when a parameter is not a number, out of range, or the styles are mixed. */
    public PageRequest toRequest() {
        return PageRequest.of(number("page", page), number("results", results), number("skip", skip), number("limit", limit));
    }

    private static Integer number(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid(name + " must be a whole number; got '" + raw + "'.");
        }
    }
}
