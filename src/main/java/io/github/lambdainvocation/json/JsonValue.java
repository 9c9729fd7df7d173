package io.github.lambdainvocation.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON value, immutable: what an input, a result or the state file holds once {@link Json} has read it.
 *
 * <p>Objects keep the order of their members (the order they were read or built in), numbers keep how they were
 * written ({@code 1.50} is not {@code 1.5}), and {@code equals} is structural: two objects are equal when they
 * have the same members whatever their order, two numbers when they have the same value and scale. The plugin's
 * own notion of "the same input" is looser on numbers (see {@code model.JsonValues}).
 */
public sealed interface JsonValue
        permits JsonValue.JsonObject, JsonValue.JsonArray, JsonValue.JsonString, JsonValue.JsonNumber,
        JsonValue.JsonBoolean, JsonValue.JsonNull {

    /** The JSON null. */
    JsonNull NULL = new JsonNull();

    /** "object", "array", "string", "number", "boolean" or "null": the JSON type, for messages. */
    String typeName();

    default boolean isObject() {
        return this instanceof JsonObject;
    }

    default boolean isString() {
        return this instanceof JsonString;
    }

    default boolean isNull() {
        return this instanceof JsonNull;
    }

    /** The text of member {@code key} when this is an object and that member a string; else null. */
    default String text(String key) {
        return this instanceof JsonObject object && object.get(key) instanceof JsonString string ? string.value()
                : null;
    }

    /** A JSON string, or {@link #NULL} for a null {@code text}. */
    static JsonValue of(String text) {
        return text == null ? NULL : new JsonString(text);
    }

    static JsonValue of(long number) {
        return new JsonNumber(BigDecimal.valueOf(number), true);
    }

    static JsonValue of(boolean value) {
        return new JsonBoolean(value);
    }

    /** An object; members are kept in the order of {@code members}, and a null value becomes {@link #NULL}. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {

        public JsonObject {
            Map<String, JsonValue> copy = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> member : members.entrySet()) {
                copy.put(member.getKey(), member.getValue() == null ? NULL : member.getValue());
            }
            members = Collections.unmodifiableMap(copy);
        }

        /** A builder that keeps the order members are added in. */
        public static Builder builder() {
            return new Builder();
        }

        /** The value of member {@code key}, or null when there is no such member. */
        public JsonValue get(String key) {
            return members.get(key);
        }

        public boolean has(String key) {
            return members.containsKey(key);
        }

        /** A copy with {@code key} set to {@code value} as the last member (moved there if it was present). */
        public JsonObject with(String key, JsonValue value) {
            Map<String, JsonValue> copy = new LinkedHashMap<>(members);
            copy.remove(key);
            copy.put(key, value);
            return new JsonObject(copy);
        }

        @Override
        public String typeName() {
            return "object";
        }

        /** Builds an object member by member. */
        public static final class Builder {

            private final Map<String, JsonValue> members = new LinkedHashMap<>();

            private Builder() {}

            public Builder put(String key, JsonValue value) {
                members.put(key, value);
                return this;
            }

            /** A string member; a null {@code text} is the JSON null. */
            public Builder put(String key, String text) {
                return put(key, JsonValue.of(text));
            }

            public Builder put(String key, long number) {
                return put(key, JsonValue.of(number));
            }

            public Builder put(String key, boolean value) {
                return put(key, JsonValue.of(value));
            }

            /** An array member of strings. */
            public Builder putStrings(String key, List<String> texts) {
                List<JsonValue> elements = new ArrayList<>();
                for (String text : texts) {
                    elements.add(JsonValue.of(text));
                }
                return put(key, new JsonArray(elements));
            }

            public JsonObject build() {
                return new JsonObject(members);
            }
        }
    }

    /** An array; a null element becomes {@link #NULL}. */
    record JsonArray(List<JsonValue> elements) implements JsonValue {

        public JsonArray {
            List<JsonValue> copy = new ArrayList<>(elements.size());
            for (JsonValue element : elements) {
                copy.add(element == null ? NULL : element);
            }
            elements = Collections.unmodifiableList(copy);
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    record JsonString(String value) implements JsonValue {

        public JsonString {
            if (value == null) {
                throw new NullPointerException("a JSON string needs a text; use JsonValue.NULL for null");
            }
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    /**
     * A number as written: {@code integral} when it had neither fraction nor exponent ({@code 10}, {@code -0}),
     * which is then written back as an integer ({@code 0} for {@code -0}); any other is written as
     * {@link BigDecimal#toString()} writes it ({@code 1.50}, {@code 1E+400}).
     */
    record JsonNumber(BigDecimal value, boolean integral) implements JsonValue {

        public JsonNumber {
            if (value == null) {
                throw new NullPointerException("a JSON number needs a value");
            }
            if (integral && value.scale() > 0) {
                throw new IllegalArgumentException("an integral JSON number has no fraction: " + value);
            }
        }

        public static JsonNumber integer(BigInteger value) {
            return new JsonNumber(new BigDecimal(value), true);
        }

        /** This number as an int, or null when it is not an integer that fits. */
        public Integer intValue() {
            if (!integral) {
                return null;
            }
            try {
                return value.intValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }

        @Override
        public String typeName() {
            return "number";
        }
    }

    record JsonBoolean(boolean value) implements JsonValue {

        @Override
        public String typeName() {
            return "boolean";
        }
    }

    /** The JSON null; every instance equals {@link #NULL}. */
    record JsonNull() implements JsonValue {

        @Override
        public String typeName() {
            return "null";
        }
    }
}
