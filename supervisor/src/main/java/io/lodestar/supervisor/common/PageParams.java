package io.lodestar.supervisor.common;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters every list takes, as one {@code @BeanParam}: {@code page}/{@code results}
 * or {@code skip}/{@code limit}. {@link PageRequest#of} judges them, so the rules and messages live in one place.
 */
public record PageParams(
        @QueryParam("page")
        @Parameter(description = "Page number, from 1; with results. Not together with skip or limit.",
                schema = @Schema(type = SchemaType.INTEGER,
                        format = "int32", minimum = "1", defaultValue = "1"))
        Integer page,
        @QueryParam("results")
        @Parameter(description = "Items per page, 1 to " + PageRequest.MAX_RESULTS + ".",
                schema = @Schema(type = SchemaType.INTEGER,
                        format = "int32", minimum = "1", maximum = "" + PageRequest.MAX_RESULTS,
                        defaultValue = "" + PageRequest.DEFAULT_RESULTS))
        Integer results,
        @QueryParam("skip")
        @Parameter(description = "Items to skip, from 0; with limit. Not together with page or results.",
                schema = @Schema(type = SchemaType.INTEGER,
                        format = "int32", minimum = "0", defaultValue = "0"))
        Integer skip,
        @QueryParam("limit")
        @Parameter(description = "Items to return, 1 to " + PageRequest.MAX_RESULTS + ".",
                schema = @Schema(type = SchemaType.INTEGER,
                        format = "int32", minimum = "1", maximum = "" + PageRequest.MAX_RESULTS,
                        defaultValue = "" + PageRequest.DEFAULT_RESULTS))
        Integer limit) {

    /** The page asked for; a 400 problem when the parameters are out of range or mixed. */
    public PageRequest toRequest() {
        return PageRequest.of(page, results, skip, limit);
    }
}
