package io.github.lambdainvocation.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.json.JsonValue;

/**
 * JSON for tests: {@link #json} is the plugin's own tree, for handing to the code under test; {@link #tree} is
 * Jackson's object mapper's tree, an independent reader for looking inside what the plugin wrote.
 */
public final class Jsons {

    /** Jackson's mapper, set up as the plugin's was before it read JSON with the streaming parser only. */
    public static final ObjectMapper JACKSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Jsons() {}

    public static JsonValue json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException("not JSON in a test: " + text, e);
        }
    }

    public static JsonNode tree(String text) {
        try {
            return JACKSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON in a test: " + text, e);
        }
    }

    public static JsonNode tree(JsonValue value) {
        return tree(Json.write(value));
    }
}
