package io.github.lambdainvocation.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.testing.Jsons;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin reads and writes JSON with Jackson's streaming parser and generator only. Jackson's object mapper,
 * set up as the plugin's was before (exact decimals, strict duplicates), is the reference: the same text must
 * come out of both, byte for byte, and a text one refuses the other refuses at the same place, for the same
 * reason.
 */
class JsonTest {

    private static final List<String> VALID = List.of(
            "{}", "[]", "{ }", "[ ]", "0", "-0", "-0.0", "1.50", "1e5", "1E+3", "-2.5e-3", "1e400", "0.000001",
            "123456789012345678901234567890", "-9223372036854775809", "2147483648", "true", "false", "null",
            "\"\"", "\"text\"", "\"\\u0000\\u001f \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"", "\"\\ud83d\\ude00 \u00e9 \u2028\"",
            "{\"b\": 1, \"a\": [1, 2.0, {\"c\": null}], \"\": {}}",
            "[[[]], [{}], [1, [2, [3]]]]",
            "{\"price\": 1.50, \"big\": 1e400, \"n\": -0, \"list\": [1, {\"x\": null}, [], {}], \"s\": \"\\u0000\"}",
            "  \n\t{\"spaces\" :\r\n [ 1 , 2 ] }  \n",
            "{\"nested\": {\"deeper\": {\"deepest\": [true, false, null, \"x\"]}}}");

    private static final List<String> MALFORMED = List.of(
            "{", "[", "{\"a\": 1,}", "{\"a\" 1}", "{'a': 1}", "[1 2]", "nul", "tru", "01", "1.", ".5", "+1",
            "\"unterminated", "\"bad \\x escape\"", "{\"a\": 1, \"a\": 2}", "{\"rows\": 2, \"rows\": 3}",
            "{\n  \"a\": [1,\n  2,\n", "{\"a\": }", "[,]", "NaN", "{\"a\"}", "\"\u0001\"",
            "{\"first\": 1}\n{\"second\": 2", "<xml/>");

    @Test
    void writesWhatJacksonsObjectMapperWritesCompactAndIndented() throws Exception {
        for (String text : VALID) {
            JsonNode reference = Jsons.JACKSON.readTree(text);
            JsonValue value = Json.parse(text);

            assertThat(Json.write(value)).as(text).isEqualTo(Jsons.JACKSON.writeValueAsString(reference));
            assertThat(Json.writePretty(value)).as(text)
                    .isEqualTo(Jsons.JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(reference));
        }
    }

    @Test
    void whatItWritesReadsBackAsTheSameValue() throws Exception {
        for (String text : VALID) {
            JsonValue value = Json.parse(text);

            assertThat(Json.parse(Json.write(value))).as(text).isEqualTo(value);
            assertThat(Json.parse(Json.writePretty(value))).as(text).isEqualTo(value);
        }
    }

    @Test
    void refusesWhatJacksonRefusesAtTheSamePlaceInTheSameWords() {
        Pattern startMarker = Pattern.compile(
                "\\(start marker at \\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]\\)");
        for (String text : MALFORMED) {
            JsonProcessingException reference = catchThrowableOfType(JsonProcessingException.class,
                    () -> Jsons.JACKSON.readTree(text));
            assertThat(reference).as("Jackson refuses " + text).isNotNull();

            JsonSyntaxException e = catchThrowableOfType(JsonSyntaxException.class, () -> Json.parse(text));

            assertThat(e).as("refuses " + text).isNotNull();
            assertThat(List.of(e.line(), e.column())).as(text).containsExactly(reference.getLocation().getLineNr(),
                    reference.getLocation().getColumnNr());
            if (!reference.getOriginalMessage().startsWith("Trailing token")) {
                assertThat(e.problem()).as(text).isEqualTo(startMarker.matcher(reference.getOriginalMessage())
                        .replaceAll("(opened at line $1, column $2)"));
            }
        }
    }

    @Test
    void contentAfterTheValueIsRefusedWhereItStarts() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} {\"b\": 2}"))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessage("more follows the end of the JSON value ({) (line 1, column 10)");
        assertThatThrownBy(() -> Json.parse("1\n2")).hasMessageContaining("(line 2, column 1)");
        assertThatThrownBy(() -> Json.parse(" \n ")).hasMessage("it is empty (line 1, column 1)");
    }

    @Test
    void pointersFindWhatJacksonFinds() throws Exception {
        String text = "{\"tenant\": {\"id\": 42, \"a/b\": 1, \"m~n\": 2, \"\": 3}, \"rows\": [\"x\", {\"y\": [0, 7]}],"
                + " \"01\": \"key\"}";
        JsonNode reference = Jsons.JACKSON.readTree(text);
        JsonValue value = Json.parse(text);
        for (String pointer : List.of("", "/tenant", "/tenant/id", "/tenant/a~1b", "/tenant/m~0n", "/tenant/",
                "/rows/0", "/rows/1/y/1", "/rows/2", "/rows/-1", "/rows/01", "/01", "/missing", "/tenant/id/deeper",
                "/rows/x")) {
            JsonNode expected = reference.at(JsonPointer.compile(pointer));
            JsonValue found = Json.at(value, pointer);

            assertThat(found == null ? null : Json.write(found)).as(pointer)
                    .isEqualTo(expected.isMissingNode() ? null : Jsons.JACKSON.writeValueAsString(expected));
        }
        assertThat(Json.pointerProblem("/tenant/id")).isNull();
        assertThat(Json.pointerProblem("tenant/id")).contains("must start with '/'");
        assertThatThrownBy(() -> Json.at(value, "tenant")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void objectsKeepTheirOrderAndAreEqualWhateverTheOrder() throws Exception {
        JsonObject object = (JsonObject) Json.parse("{\"z\": 1, \"tf\": \"x\", \"a\": 2}");

        assertThat(object.members().keySet()).containsExactly("z", "tf", "a");
        assertThat(object.with("tf", JsonValue.of(true)).members().keySet()).containsExactly("z", "a", "tf");
        assertThat(object.with("new", JsonValue.NULL).members().keySet()).containsExactly("z", "tf", "a", "new");
        assertThat(object.members().keySet()).as("with() copies").containsExactly("z", "tf", "a");
        assertThat(object).isEqualTo(Json.parse("{\"a\": 2, \"z\": 1, \"tf\": \"x\"}"));
        assertThat(Json.parse("[1, 2]")).isNotEqualTo(Json.parse("[2, 1]"));
        assertThat(Json.parse("1.50")).as("the spelling of a number is kept").isNotEqualTo(Json.parse("1.5"));
        assertThatThrownBy(() -> object.members().put("b", JsonValue.NULL))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builtObjectsWriteNullsAndNumbersAsJacksonsTreeDid() {
        JsonObject built = JsonObject.builder().put("s", "x").put("none", (String) null).put("n", 3)
                .put("b", false).putStrings("list", List.of("a", "b")).put("v", JsonValue.NULL).build();

        assertThat(Json.write(built))
                .isEqualTo("{\"s\":\"x\",\"none\":null,\"n\":3,\"b\":false,\"list\":[\"a\",\"b\"],\"v\":null}");
        assertThat(built.get("absent")).isNull();
        assertThat(built.get("none")).isEqualTo(JsonValue.NULL);
        assertThat(built.text("s")).isEqualTo("x");
        assertThat(built.text("n")).as("not a string").isNull();
        assertThat(built.text("none")).isNull();
        assertThat(JsonValue.of("x").text("s")).as("not an object").isNull();
    }
}
