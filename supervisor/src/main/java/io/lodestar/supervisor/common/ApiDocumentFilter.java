package io.lodestar.supervisor.common;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds what every operation shares to the generated OpenAPI document: the problem+json answers of the
 * conventions (400 bad input, 401 no usable key, 403 missing permission, 404 not found or another
 * tenant's, 429 past the key's rate limit) and the Problem schema, so the document tells what the server
 * really answers.
 */
public class ApiDocumentFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; detail is a sentence a person can act on.")
                .addProperty("type", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("title", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                declarePathParameters(path.getKey(), operation);
                APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                        : operation.getResponses();
                problem(responses, "400", "Bad input: a malformed id, body or query parameter, or an out-of-range page.");
                problem(responses, "401", "No API key, or a key that is unknown, revoked or expired.");
                problem(responses, "403", "The API key lacks the permission this route needs.");
                problem(responses, "404", "Not found, or it belongs to another tenant.");
                problem(responses, "429", "The API key used its rate limit for this class of request (reads or writes);"
                        + " wait the Retry-After seconds. Every answer carries RateLimit-Policy and RateLimit.");
                operation.setResponses(responses);
            }
        }
    }

    /** Routes that read their path through UriInfo still document their path parameters. */
    private static void declarePathParameters(String path, Operation operation) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([a-z_]+)}").matcher(path);
        while (matcher.find()) {
            String name = matcher.group(1);
            boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> name.equals(p.getName()) && p.getIn() == Parameter.In.PATH);
            if (!declared) {
                operation.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                        .schema(OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))));
            }
        }
    }

    /** Adds the problem answer, or fills in one the generator declared bare (it adds "400 Bad Request" for validated bodies). */
    private static void problem(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code) && responses.getAPIResponse(code).getContent() != null) {
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }
}
