package io.github.lambdainvocation.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;

/** JSON for tests: text the test knows is valid. */
public final class Jsons {

    private Jsons() {}

    public static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException("not JSON in a test: " + text, e);
        }
    }
}
