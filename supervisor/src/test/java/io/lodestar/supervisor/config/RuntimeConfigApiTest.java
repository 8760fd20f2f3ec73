package io.lodestar.supervisor.config;

import static io.lodestar.supervisor.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.tenancy.Permission;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class RuntimeConfigApiTest extends ReadyDeploymentFixture {

    static final String TUNED = "[http]\naddress = \"127.0.0.1:3000\"\n\n[system]\npath = \"local_data\"\n";

    RuntimeConfigApiTest() {
        super("configs");
    }

    private String path(String rest) {
        return "/deployments/" + deploymentId + "/configs" + rest;
    }

    private Response create(String runtime, String name, String content) {
        return admin().body(Map.of("runtime", runtime, "name", name, "content", content)).post(path(""));
    }

    @Test
    void aValidConfigIsStoredWithItsChecksum() {
        Number id = create("iggy", "tuned", TUNED).then().statusCode(201)
                .body("runtime", equalTo("iggy")).body("name", equalTo("tuned"))
                .body("checksum", equalTo(RuntimeConfigService.checksum(TUNED)))
                .body("checksum", matchesPattern("[0-9a-f]{64}"))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("deployment_id", equalTo(deploymentId))
                .body("$", hasKey("author_id")).body("$", hasKey("tenant_id"))
                .body("$", not(hasKey("content")))
                .extract().path("id");

        admin().get(path("/" + id)).then().statusCode(200)
                .body("content", equalTo(TUNED)).body("name", equalTo("tuned"));
    }

    @Test
    void versionsAreListedNewestFirstInBothPaginationStyles() {
        create("iggy", "v1", TUNED).then().statusCode(201);
        create("iggy", "v2", TUNED + "# second\n").then().statusCode(201);
        create("connectors", "c1", "[http]\naddress = \"127.0.0.1:8081\"\n").then().statusCode(201);

        admin().get(path("")).then().statusCode(200)
                .body("items.name", equalTo(List.of("c1", "v2", "v1")))
                .body("total_results", equalTo(3)).body("items[0]", not(hasKey("content")));
        admin().get(path("?page=2&results=2")).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].name", equalTo("v1")).body("total_pages", equalTo(2));
        admin().get(path("?skip=1&limit=1")).then().statusCode(200).body("items[0].name", equalTo("v2"));
    }

    @Test
    void contentThatIsNotTomlIsA400WithLineAndColumn() {
        String broken = "[http]\naddress = \"127.0.0.1:3000\"\npassword = s3cr3t-value\n";
        create("iggy", "broken", broken).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid TOML at line 3, column"))
                .body("detail", not(containsString("s3cr3t")));
        create("iggy", "unclosed", "[http\nport = 1\n").then().statusCode(400)
                .body("detail", containsString("line 1"));
    }

    @Test
    void badRequestsSayWhatToSend() {
        problem(admin().body("{}").post(path("")), "runtime is required");
        problem(create("kafka", "x", TUNED), "Unknown runtime 'kafka'");
        problem(admin().body(Map.of("runtime", "iggy", "content", TUNED)).post(path("")), "name is required");
        problem(create("iggy", " ", TUNED), "name must have 1 to 200 characters");
        problem(admin().body(Map.of("runtime", "iggy", "name", "n", "content", 5)).post(path("")), "content must be a JSON string");
        problem(create("iggy", "huge", "# " + "x".repeat(RuntimeConfigService.MAX_CONTENT_CHARS)), "at most 262144");
        problem(admin().get(path("/abc")), "config_id must be an integer id");
        admin().get(path("/12345")).then().statusCode(404).body("detail", containsString("Runtime configuration 12345"));
    }

    @Test
    void anotherTenantsDeploymentIsNotFound() {
        Number id = create("iggy", "mine", TUNED).then().statusCode(201).extract().path("id");
        String stranger = Api.keyOfAnotherTenant();
        Api.as(stranger).get(path("")).then().statusCode(404);
        Api.as(stranger).get(path("/" + id)).then().statusCode(404);
        Api.as(stranger).body(Map.of("runtime", "iggy", "name", "x", "content", TUNED)).post(path("")).then().statusCode(404);
    }

    @Test
    void creatingNeedsDeploymentManageAndReadingNeedsDeploymentRead() {
        String reader = Api.keyWith(Permission.DEPLOYMENT_READ);
        Api.as(reader).body(Map.of("runtime", "iggy", "name", "x", "content", TUNED)).post(path("")).then().statusCode(403);
        Api.as(reader).get(path("")).then().statusCode(200);
        Api.as(Api.keyWith(Permission.AGENT_READ)).get(path("")).then().statusCode(403);
    }

    private static void problem(Response response, String detail) {
        response.then().statusCode(400).contentType("application/problem+json").body("detail", containsString(detail));
    }
}
