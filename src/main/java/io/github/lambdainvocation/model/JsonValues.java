package io.github.lambdainvocation.model;

import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonBoolean;
import io.github.lambdainvocation.json.JsonValue.JsonNull;
import io.github.lambdainvocation.json.JsonValue.JsonNumber;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.json.JsonValue.JsonString;
import java.util.List;
import java.util.Map;

/** How two JSON values are compared: as values, whatever their spelling. */
public final class JsonValues {

    private JsonValues() {}

    /**
     * Whether two JSON values are the same value: key order, spacing and number spelling do not matter (1, 1.0
     * and 1e0 are the same number); array order does.
     *
     * <p>Every kind is compared by its parts, never by a record's generated {@code equals}: the first call of one
     * links it through method handles, some 20 ms of a cold JVM, and a run with nothing to invoke compares every
     * input it has.
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
            if (mine.size() != theirs.size()) {
                return false;
            }
            for (Map.Entry<String, JsonValue> member : mine.entrySet()) {
                if (!same(member.getValue(), theirs.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
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
        if (a instanceof JsonString x && b instanceof JsonString y) {
            return x.value().equals(y.value());
        }
        if (a instanceof JsonBoolean x && b instanceof JsonBoolean y) {
            return x.value() == y.value();
        }
        return a instanceof JsonNull && b instanceof JsonNull;
    }
}
