package io.github.lambdainvocation.config;

import io.github.lambdainvocation.payload.Placeholders;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final Map<String, String> RESULTS = Map.of(
            "tenant", "{\"tenant\": {\"id\": 42, \"name\": \"acme\"}, \"tags\": [\"a\", \"b\"]}",
            "plain", "not json at all");

    private static JsonValue json(String text) throws Exception {
        return Json.parse(text);
    }

    private static JsonValue resolve(String input) throws Exception {
        return Placeholders.resolve(json(input), RESULTS::get);
    }

    @Test
    void findsEveryPlaceholderInStringsAtAnyDepth() throws Exception {
        assertThat(Placeholders.find(json("{\"a\": \"@{tenant#/tenant/id}\", \"b\": [{\"c\": \"x @{plain} y\"}],"
                + " \"@{keys}\": \"are not read\", \"d\": \"@@{escaped}\"}")))
                .containsExactly(new Placeholders.Reference("tenant", "/tenant/id"),
                        new Placeholders.Reference("plain", ""));
    }

    @Test
    void aWholeStringPlaceholderBecomesTheValueWithItsType() throws Exception {
        assertThat(resolve("{\"id\": \"@{tenant#/tenant/id}\", \"t\": \"@{tenant#/tenant}\", \"tags\":"
                + " \"@{tenant#/tags}\"}"))
                .isEqualTo(json("{\"id\": 42, \"t\": {\"id\": 42, \"name\": \"acme\"}, \"tags\": [\"a\", \"b\"]}"));
    }

    @Test
    void insideALongerStringTheValuesTextIsUsed() throws Exception {
        assertThat(resolve("{\"url\": \"https://x/@{tenant#/tenant/name}/@{tenant#/tenant/id}\","
                + " \"raw\": \"<@{plain}>\", \"lit\": \"keep @@{tenant} as written\"}"))
                .isEqualTo(json("{\"url\": \"https://x/acme/42\", \"raw\": \"<not json at all>\","
                        + " \"lit\": \"keep @{tenant} as written\"}"));
    }

    @Test
    void aWholeResultThatIsNotJsonIsAString() throws Exception {
        assertThat(resolve("[\"@{plain}\"]")).isEqualTo(json("[\"not json at all\"]"));
    }

    @Test
    void missingValuesAreClearErrors() {
        assertThatThrownBy(() -> resolve("{\"x\": \"@{tenant#/tenant/region}\"}"))
                .hasMessage("@{tenant#/tenant/region} matches nothing in the result of 'tenant'");
        assertThatThrownBy(() -> resolve("{\"x\": \"@{plain#/a}\"}"))
                .hasMessage("@{plain#/a}: the result of 'plain' is not JSON, so a pointer cannot read it");
        assertThatThrownBy(() -> resolve("{\"x\": \"@{nobody}\"}"))
                .hasMessageStartingWith("@{nobody}: 'nobody' has no result to read");
    }

    @Test
    void pointersAreChecked() {
        assertThat(Placeholders.pointerProblem(new Placeholders.Reference("a", "tenant/id")))
                .startsWith("@{a#tenant/id} has a JSON pointer that is not one");
        assertThat(Placeholders.pointerProblem(new Placeholders.Reference("a", "/tenant/id"))).isNull();
    }

    @Test
    void outputsPickValuesAndTheirText() {
        var values = Placeholders.outputs("tenant", RESULTS.get("tenant"), Map.of("id", "/tenant/id",
                "name", "/tenant/name"));

        assertThat(Placeholders.text(values.get("id"))).isEqualTo("42");
        assertThat(Placeholders.text(values.get("name"))).isEqualTo("acme");
        assertThatThrownBy(() -> Placeholders.outputs("tenant", RESULTS.get("tenant"), Map.of("zone", "/zone")))
                .hasMessage("its output 'zone' (/zone) matches nothing in the result of 'tenant'");
    }
}
