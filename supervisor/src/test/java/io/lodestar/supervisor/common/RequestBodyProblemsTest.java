package io.lodestar.supervisor.common;

import static io.lodestar.supervisor.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Bodies that cannot be bound or break a constraint are 400 problems that name the field and say why. */
@QuarkusTest
class RequestBodyProblemsTest {

    private FakeWarden warden;
    private long deploymentId;

    @BeforeEach
    void aDeploymentOfOneNode() throws InterruptedException {
        warden = Api.connectedWarden();
        deploymentId = Api.deployment("bodies", List.of(warden.nodeId()));
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        warden.close();
    }

    @Test
    void wrongTypesNameTheFieldWhatItMustBeAndWhatCame() {
        problem(post("/deployments", "{\"name\":\"x\",\"agent_ids\":\"" + warden.nodeId() + "\"}"),
                "agent_ids must be an array; got a string.");
        problem(post("/deployments", "{\"name\":\"x\",\"agent_ids\":[1.5]}"),
                "agent_ids must hold integer ids, such as 610809900976570889; got 1.5.");
        problem(post("/deployments", "{\"name\":7,\"agent_ids\":[1]}"), "name must be a JSON string; got 7.");
        problem(post(path("/scale"), "{\"replicas\":\"many\"}"), "replicas must be a whole number; got \"many\".");
        problem(post(path("/scale"), "{\"replicas\":2.5}"), "replicas must be a whole number; got 2.5.");
        problem(post(path("/snapshots"), "{\"include_iggy\":\"no\"}"), "include_iggy must be true or false; got \"no\".");
        problem(post(path("/snapshots"), "{\"redact_secrets\":0}"), "redact_secrets must be true or false; got 0.");
        problem(post("/agents/enrollments", "{\"environment_id\":true}"),
                "environment_id must be an integer id, such as 610809900976570889; got a boolean.");
        problem(post(path("/configs"), "{\"runtime\":[\"iggy\"],\"name\":\"n\",\"content\":\"x = 1\"}"),
                "runtime must be a JSON string; got an array.");
        problem(post(path("/activities/iggy/restart"), "{\"nodes\":[99999999999999999999]}"),
                "nodes must hold integer ids, such as 610809900976570889; got 99999999999999999999, which is out of range.");
        problem(post(path("/activities/iggy/restart"), "{\"nodes\":{\"id\":1}}"), "nodes must be an array; got an object.");
    }

    @Test
    void missingRequiredFieldsAndOutOfRangeValuesAreNamed() {
        problem(post("/deployments", "{\"agent_ids\":[" + warden.nodeId() + "]}"),
                "name is required: a deployment name of 1 to 200 characters.");
        problem(post("/deployments", "{\"name\":\"" + "n".repeat(201) + "\",\"agent_id\":1}"),
                "name is required: a deployment name of 1 to 200 characters.");
        problem(post("/deployments", "{\"name\":\"x\",\"agent_ids\":[null]}"),
                "agent_ids[0] must be an integer id, such as 610809900976570889, not null.");
        problem(post("/deployments", "{\"name\":\"x\",\"agent_ids\":[1],\"runtimes\":[]}"),
                "runtimes must be a non-empty array such as [\"iggy\", \"connectors\"].");
        problem(post(path("/scale"), "{}"), "replicas is required: the wanted number of nodes, between 1 and 100.");
        problem(post(path("/scale"), "{\"replicas\":0}"), "replicas must be between 1 and 100.");
        problem(post(path("/scale"), "{\"replicas\":101}"), "replicas must be between 1 and 100.");
        problem(post(path("/configs"), "{\"runtime\":\"iggy\",\"content\":\"x = 1\"}"), "name is required: 1 to 200 characters");
        problem(post("/deployments", ""), "The request body is required: send {\"name\":\"events-prod\",\"agent_ids\":[…]}.");
    }

    @Test
    void malformedJsonAndBodiesThatAreNotObjectsSayWhere() {
        problem(post("/deployments", "{\"name\":\"x\",\n\"agent_ids\":[1,}"), "The request body is not valid JSON: ");
        problem(post("/deployments", "{\"name\":\"x\",\n\"agent_ids\":[1,}"), "(line 2, column");
        problem(post(path("/scale"), "{\"replicas\":"), "The request body is not valid JSON");
        problem(post(path("/snapshots"), "[true]"),
                "The request body must be a JSON object, such as {}, with the fields redact_secrets, include_iggy.");
        problem(post("/agents/enrollments", "42"), "The request body must be a JSON object, such as {}, with the fields environment_id.");
    }

    @Test
    void unknownRuntimeNamesAreNamedWithTheChoices() {
        problem(post("/deployments", "{\"name\":\"x\",\"agent_ids\":[1],\"runtimes\":[\"kafka\"]}"),
                "Unknown runtime 'kafka'; use one of: iggy, connectors.");
        problem(post(path("/configs"), "{\"runtime\":\"redis\",\"name\":\"n\",\"content\":\"x = 1\"}"), "Unknown runtime 'redis'");
    }

    @Test
    void documentedBodiesStillBindWithTheirDefaults() {
        // Seed 000: no body and no Content-Type targets every node, as {} does.
        given().header("ld-api-key", Api.ADMIN_KEY).post(path("/activities/iggy/restart")).then().statusCode(202)
                .body("items", hasSize(1));
        // Ids past 2^53 may come as strings; fields the API does not know are ignored, as they always were.
        admin().body("{\"nodes\":[\"" + warden.nodeId() + "\"],\"comment\":\"rolling\"}").post(path("/activities/iggy/restart"))
                .then().statusCode(202).body("items[0].node_id", equalTo(warden.nodeId()));
        admin().get(path("/activities?results=1")).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void pagingParametersThatAreNotNumbersAreProblemsNotMissingRoutes() {
        problem(admin().get("/deployments?page=abc"), "page must be a whole number; got 'abc'.");
        problem(admin().get(path("/activities?limit=ten")), "limit must be a whole number; got 'ten'.");
        problem(admin().get("/api-keys?results=0"), "results must be between 1 and 100; got 0.");
    }

    @Test
    void aBodyInAnotherMediaTypeIsRefusedWithTheHeaderToSend() {
        given().header("ld-api-key", Api.ADMIN_KEY).contentType("text/plain").body("{}").post(path("/snapshots")).then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("Send the body as JSON with the header Content-Type: application/json."));
    }

    private String path(String rest) {
        return "/deployments/" + deploymentId + rest;
    }

    private static Response post(String path, String body) {
        return admin().body(body).post(path);
    }

    private static void problem(Response response, String detail) {
        response.then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("status", equalTo(400))
                .body("detail", containsString(detail));
    }
}
