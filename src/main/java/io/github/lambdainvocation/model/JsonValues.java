package io.github.lambdainvocation.model;

import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonNumber;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import java.util.List;
import java.util.Map;

/** How two JSON values are compared: as values, whatever their spelling. */
public final class JsonValues {

    private JsonValues() {}

    /**
     * Whether two JSON values are the same value: key order, spacing and number spelling do not matter (1, 1.0
     * and 1e0 are the same number); array order does.
     */
    public static boolean same(JsonValue a, JsonValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.value().compareTo(y.value()) == 0;
        }
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            Map<String, JsonValue> mine = x.members();
            Map<String, JsonValue> theirs = y.members();
            return mine.size() == theirs.size() && mine.entrySet().stream()
                    .allMatch(member -> same(member.getValue(), theirs.get(member.getKey())));
        }
        if (a instanceof JsonArray x && b instanceof JsonArray y) {
            List<JsonValue> mine = x.elements();
            List<JsonValue> theirs = y.elements();
            if (mine.size() != theirs.size()) {
                return false;
            }
            for (int i = 0; i < mine.size(); i++) {
                if (!same(mine.get(i), theirs.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
