package io.lodestar.supervisor.common;

import static io.lodestar.supervisor.Api.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.RouteCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The served OpenAPI document against the server's real routes and answers. */
@QuarkusTest
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void theDocumentAndTheBrowsablePageAreServedWithoutAKey() {
        given().get("/q/openapi?format=json").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("json"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationExists() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> implemented = new TreeSet<>();
        RouteCatalog.all().forEach(route -> implemented.add(route.method() + " " + route.openApiPath()));
        assertThat(documented).isEqualTo(implemented);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDocumentsItsParametersAndAnswers() {
        JsonPath document = given().get("/q/openapi?format=json").then().extract().jsonPath();
        List<String> gaps = new ArrayList<>();
        for (RouteCatalog.Route route : RouteCatalog.all()) {
            Map<String, Object> operation = document.getMap("paths.'" + route.openApiPath() + "'." + route.method().toLowerCase());
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
            Set<String> named = new TreeSet<>();
            parameters.forEach(p -> named.add(p.get("in") + ":" + p.get("name")));
            route.pathParameters().stream().filter(p -> !named.contains("path:" + p)).forEach(p -> gaps.add(route + " lacks path " + p));
            route.queryParameters().stream().filter(q -> !named.contains("query:" + q)).forEach(q -> gaps.add(route + " lacks query " + q));
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                gaps.add(route + " documents no success answer");
            }
            for (String code : List.of("400", "401", "403", "404")) {
                if (!responses.containsKey(code)) {
                    gaps.add(route + " does not document " + code);
                }
            }
        }
        assertThat(gaps).isEmpty();
    }

    /** Every documented operation is routed: with the admin key it never answers "no such path" or 405. */
    @Test
    void everyDocumentedOperationAnswersSomethingOtherThanNoSuchRoute() {
        JsonPath document = given().get("/q/openapi?format=json").then().extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> unrouted = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains).forEach(method -> {
            String concrete = path.replaceAll("\\{runtime}", "iggy").replaceAll("\\{action}", "start")
                    .replaceAll("\\{[a-z_]+}", "1");
            // An event stream would stay open: a Last-Event-ID it must refuse (the other routes ignore it) shows it is
            // routed without opening one.
            Response answer = admin().header("Last-Event-ID", "not-a-number").body("{}").request(method.toUpperCase(), concrete);
            String detail = answer.contentType().contains("json") ? String.valueOf(answer.jsonPath().getString("detail")) : "";
            if (answer.statusCode() == 405 || (answer.statusCode() == 404 && detail.startsWith("There is nothing at"))) {
                unrouted.add(method.toUpperCase() + " " + path + " -> " + answer.statusCode());
            }
        }));
        assertThat(unrouted).isEmpty();
    }

    /** Bodies are documented as JSON schemas with their constraints; the bodies the seeds call optional are optional. */
    @Test
    void requestBodiesAreJsonSchemasWithTheirConstraints() {
        JsonPath document = given().get("/q/openapi?format=json").then().extract().jsonPath();
        String create = "paths.'/deployments'.post.requestBody";
        assertThat(document.getString(create + ".content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/NewDeploymentRequest");
        assertThat(document.getBoolean(create + ".required")).isTrue();
        assertThat(document.getList("components.schemas.NewDeploymentRequest.required")).containsExactly("name");
        assertThat(document.getMap("components.schemas.NewDeploymentRequest.properties")).containsOnlyKeys(
                "name", "agent_id", "agent_ids", "runtimes", "cluster");
        assertThat(document.getInt("components.schemas.NewDeploymentRequest.properties.name.maxLength")).isEqualTo(200);
        assertThat(document.getString("components.schemas.NewDeploymentRequest.properties.agent_ids.items.format")).isEqualTo("int64");
        assertThat(document.getInt("components.schemas.ScaleRequest.properties.replicas.minimum")).isEqualTo(1);
        assertThat(document.getInt("components.schemas.ScaleRequest.properties.replicas.maximum")).isEqualTo(100);
        assertThat(document.getList("components.schemas.NewRuntimeConfigRequest.required"))
                .containsExactlyInAnyOrder("runtime", "name", "content");
        String trigger = "components.schemas.TriggerActivityRequest.properties";
        assertThat(document.getMap(trigger)).containsOnlyKeys("nodes", "strategy", "max_concurrency", "max_errors",
                "min_healthy_time", "quorum_wait", "quorum_guard", "delivery_timeout", "execution_timeout", "force");
        assertThat(document.getString(trigger + ".quorum_guard.type")).isEqualTo("boolean");
        for (String optional : List.of("'/deployments/{deployment_id}/activities/{runtime}/{action}'",
                "'/deployments/{deployment_id}/snapshots'", "'/agents/enrollments'", "'/agents/{agent_id}/deploy'")) {
            assertThat(document.getBoolean("paths." + optional + ".post.requestBody.required")).as(optional).isFalse();
        }
        assertThat(document.getString("paths.'/deployments'.post.responses.'400'.content.'application/problem+json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
    }

    /** Every list documents its paging parameters with their ranges, from the one paging bean. */
    @Test
    @SuppressWarnings("unchecked")
    void everyListDocumentsThePagingRanges() {
        JsonPath document = given().get("/q/openapi?format=json").then().extract().jsonPath();
        List<String> lists = new ArrayList<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, operations) -> {
            Map<String, Object> get = (Map<String, Object>) operations.get("get");
            List<Map<String, Object>> parameters = get == null ? List.of()
                    : (List<Map<String, Object>>) get.getOrDefault("parameters", List.of());
            Map<String, Map<String, Object>> paging = new java.util.HashMap<>();
            parameters.stream().filter(p -> Set.of("page", "results", "skip", "limit").contains(p.get("name")))
                    .forEach(p -> paging.put((String) p.get("name"), (Map<String, Object>) p.get("schema")));
            if (!paging.isEmpty()) {
                lists.add(path);
                assertThat(paging).as(path).containsOnlyKeys("page", "results", "skip", "limit");
                assertThat(paging.get("results")).as(path).containsEntry("minimum", 1).containsEntry("maximum", 100);
                assertThat(paging.get("limit")).as(path).containsEntry("minimum", 1).containsEntry("maximum", 100);
                assertThat(paging.get("page")).as(path).containsEntry("minimum", 1);
                assertThat(paging.get("skip")).as(path).containsEntry("minimum", 0);
            }
        });
        assertThat(lists).hasSize(18);
    }
}
