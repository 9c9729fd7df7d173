package io.github.lambdainvocation.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.testing.Jsons;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.payload.PlannedCall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payloads of the reference's CRUD example, key for key. */
class PayloadBuilderTest {

    private static final Target FN = new Target("data_processor", "$LATEST", null);

    private static final String OLD_INPUT = """
            {"resource_name": "database_setup",
             "database_url": "mydb.cluster-xyz.us-west-2.rds.amazonaws.com:5432",
             "credentials": {"username": "admin", "password": "secret123"}}""";

    private static final String NEW_INPUT = """
            {"resource_name": "database_setup",
             "database_url": "mydb-new.cluster-abc.us-west-2.rds.amazonaws.com:5432",
             "credentials": {"username": "admin", "password": "secret123"}}""";

    private static JsonValue json(String text) throws Exception {
        return Json.parse(text);
    }

    private static JsonValue payload(PlannedCall call) throws Exception {
        return Json.parse(new String(PayloadBuilder.build(call), StandardCharsets.UTF_8));
    }

    @Test
    void create() throws Exception {
        assertThat(payload(PlannedCall.crudCreate(FN, json(OLD_INPUT), "tf"))).isEqualTo(json("""
                {"resource_name": "database_setup",
                 "database_url": "mydb.cluster-xyz.us-west-2.rds.amazonaws.com:5432",
                 "credentials": {"username": "admin", "password": "secret123"},
                 "tf": {"action": "create", "prev_input": null}}"""));
    }

    @Test
    void update() throws Exception {
        assertThat(payload(PlannedCall.crudUpdate(FN, json(NEW_INPUT), json(OLD_INPUT), "tf"))).isEqualTo(json("""
                {"resource_name": "database_setup",
                 "database_url": "mydb-new.cluster-abc.us-west-2.rds.amazonaws.com:5432",
                 "credentials": {"username": "admin", "password": "secret123"},
                 "tf": {"action": "update",
                        "prev_input": {"resource_name": "database_setup",
                                       "database_url": "mydb.cluster-xyz.us-west-2.rds.amazonaws.com:5432",
                                       "credentials": {"username": "admin", "password": "secret123"}}}}"""));
    }

    @Test
    void delete() throws Exception {
        assertThat(payload(PlannedCall.crudDelete(FN, json(NEW_INPUT), "tf"))).isEqualTo(json("""
                {"resource_name": "database_setup",
                 "database_url": "mydb-new.cluster-abc.us-west-2.rds.amazonaws.com:5432",
                 "credentials": {"username": "admin", "password": "secret123"},
                 "tf": {"action": "delete",
                        "prev_input": {"resource_name": "database_setup",
                                       "database_url": "mydb-new.cluster-abc.us-west-2.rds.amazonaws.com:5432",
                                       "credentials": {"username": "admin", "password": "secret123"}}}}"""));
    }

    @Test
    void theLifecycleKeyCanBeRenamedAndComesAfterTheInputKeys() throws Exception {
        JsonNode p = Jsons.tree(payload(PlannedCall.crudCreate(FN, json("{\"z\": 1, \"tf\": \"user data\", \"a\": 2}"),
                "lc")));

        List<String> keys = new ArrayList<>();
        p.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("z", "tf", "a", "lc");
        assertThat(p.get("tf").asText()).isEqualTo("user data");
        assertThat(p.get("lc")).isEqualTo(Jsons.tree("{\"action\":\"create\",\"prev_input\":null}"));
    }

    @Test
    void crudKeepsNumbersAsWritten() {
        byte[] bytes = PayloadBuilder.build(PlannedCall.crudCreate(FN,
                json0("{\"price\": 1.50, \"big\": 123456789012345678901234567890, \"e\": 1E+3}"), "tf"));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"price\":1.50,\"big\":123456789012345678901234567890,\"e\":1E+3,"
                        + "\"tf\":{\"action\":\"create\",\"prev_input\":null}}");
    }

    @Test
    void createOnlySendsTheTextVerbatim() {
        String text = "[ 1,\n  2 ]  ";

        assertThat(PayloadBuilder.build(PlannedCall.raw(FN, text))).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void buildingDoesNotChangeThePlannedInput() throws Exception {
        JsonValue input = json(OLD_INPUT);
        PayloadBuilder.build(PlannedCall.crudDelete(FN, input, "tf"));

        assertThat(input).isEqualTo(json(OLD_INPUT));
    }

    private static JsonValue json0(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
