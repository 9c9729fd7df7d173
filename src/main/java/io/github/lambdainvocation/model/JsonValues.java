package io.github.lambdainvocation.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** How two JSON values are compared: as values, whatever their spelling. */
public final class JsonValues {

    /** Two numbers are equal when they are the same number (1, 1.0, 1e0); everything else by Jackson's equality. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonValues() {}

    /** Whether two JSON values are the same value: key order, spacing and number spelling do not matter. */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(SAME_VALUE, b);
    }
}
