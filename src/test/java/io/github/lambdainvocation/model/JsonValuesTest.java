package io.github.lambdainvocation.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.json.JsonValue;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When the planner takes two JSON texts for the same input: as values, whatever their spelling. */
class JsonValuesTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                same("\"a\"", "\"a\""),
                differ("\"a\"", "\"b\""),
                differ("\"\"", "null"),
                same("true", "true"),
                differ("true", "false"),
                same("null", "null"),
                differ("null", "false"),
                same("1", "1.0"),
                same("1", "1e0"),
                same("-0", "0"),
                differ("1", "\"1\""),
                differ("true", "\"true\""),
                differ("0", "false"),
                same("{\"a\": 1, \"b\": [true, null]}", "{\"b\":[true,null],\"a\":1.00}"),
                differ("{\"a\": 1}", "{\"a\": 1, \"b\": 2}"),
                differ("{\"a\": 1, \"b\": 2}", "{\"a\": 1, \"c\": 2}"),
                differ("{\"a\": null}", "{\"b\": null}"),
                differ("{\"a\": {\"b\": \"x\"}}", "{\"a\": {\"b\": \"y\"}}"),
                same("[]", "[]"),
                differ("[1, 2]", "[2, 1]"),
                differ("[1]", "[1, 1]"),
                differ("[]", "{}"),
                differ("\"a\"", "[\"a\"]"));
    }

    @ParameterizedTest(name = "{0} vs {1}: same {2}")
    @MethodSource("pairs")
    void comparesValuesNotSpellings(String a, String b, boolean expected) throws JsonSyntaxException {
        JsonValue x = Json.parse(a);
        JsonValue y = Json.parse(b);
        assertThat(JsonValues.same(x, y)).isEqualTo(expected);
        assertThat(JsonValues.same(y, x)).as("the other way round").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs nothing")
    @MethodSource("pairs")
    void aValueIsNeverTheSameAsNoValue(String a, String ignored, boolean ignoredToo) throws JsonSyntaxException {
        assertThat(JsonValues.same(Json.parse(a), null)).isFalse();
        assertThat(JsonValues.same(null, Json.parse(a))).isFalse();
        assertThat(JsonValues.same(null, null)).isTrue();
    }

    private static Arguments same(String a, String b) {
        return Arguments.of(a, b, true);
    }

    private static Arguments differ(String a, String b) {
        return Arguments.of(a, b, false);
    }
}
