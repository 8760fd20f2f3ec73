package io.lodestar.supervisor.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sentences a caller reads when a body does not bind, on the mapper the API uses. */
class BindingProblemsTest {

    enum Colour {
        DEEP_RED("deep-red"), BLUE("blue");

        private final String wire;

        Colour(String wire) {
            this.wire = wire;
        }

        @JsonValue
        String wire() {
            return wire;
        }
    }

    record Inner(@JsonProperty("node_ids") List<Long> nodeIds) {
    }

    record Body(@JsonProperty("colour") Colour colour, @JsonProperty("inner") Inner inner,
            @JsonProperty("dry_run") Boolean dryRun, @JsonProperty("label") String label) {
    }

    private final ObjectMapper mapper = mapper();

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheWordsItTakes() {
        assertThat(detail("{\"colour\":\"green\"}")).isEqualTo("colour must be one of deep-red, blue; got \"green\".");
    }

    @Test
    void aNestedFieldIsNamedByItsPath() {
        assertThat(detail("{\"inner\":{\"node_ids\":[1, \"x\"]}}"))
                .isEqualTo("inner.node_ids must hold integer ids, such as 610809900976570889; got \"x\".");
        assertThat(detail("{\"inner\":[]}")).isEqualTo("inner must be a JSON object; got an array.");
    }

    @Test
    void scalarsAreNotCoercedIntoBooleansOrText() {
        assertThat(detail("{\"dry_run\":\"yes\"}")).isEqualTo("dry_run must be true or false; got \"yes\".");
        assertThat(detail("{\"dry_run\":1}")).isEqualTo("dry_run must be true or false; got 1.");
        assertThat(detail("{\"label\":12}")).isEqualTo("label must be a JSON string; got 12.");
        assertThat(detail("{\"label\":true}")).isEqualTo("label must be a JSON string; got true.");
    }

    @Test
    void malformedJsonSaysWhereWithoutEchoingTheBody() {
        String detail = detail("{\"label\":\"secret-value\",\n  \"dry_run\": tru}");
        assertThat(detail).startsWith("The request body is not valid JSON: ").contains("(line 2, column").doesNotContain("secret-value");
    }

    @Test
    void aBodyThatIsNotAnObjectListsTheFields() {
        assertThat(detail("[1]")).isEqualTo("The request body must be a JSON object, such as {}, with the fields colour, inner, dry_run, label.");
    }

    @Test
    void idsStillBindFromStringsOfDigitsAndUnknownFieldsAreIgnored() throws JsonProcessingException {
        Body body = mapper.readValue("{\"inner\":{\"node_ids\":[\"610809900976570889\"]},\"extra\":1}", Body.class);
        assertThat(body.inner().nodeIds()).containsExactly(610809900976570889L);
    }

    private String detail(String json) {
        JsonProcessingException error = catchThrowableOfType(JsonProcessingException.class, () -> mapper.readValue(json, Body.class));
        assertThat(error).as(json).isNotNull();
        return BindingProblems.detail(error);
    }

    /** As Quarkus configures it (unknown fields ignored), plus the API's strict binding. */
    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJsonBinding().customize(mapper);
        return mapper;
    }
}
