package io.github.lambdainvocation.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonBoolean;
import io.github.lambdainvocation.json.JsonValue.JsonNull;
import io.github.lambdainvocation.json.JsonValue.JsonNumber;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.json.JsonValue.JsonString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place that knows how JSON is read, compared and written: Jackson's streaming parser and generator
 * (jackson-core) into and out of {@link JsonValue}s. Nothing binds objects by reflection, so reading a state or
 * an input loads a few dozen classes, not Jackson's object mapper.
 *
 * <p>Reading is strict (duplicate keys and trailing content are errors) and lossless for numbers
 * ({@code 1.50} stays {@code 1.50}), so a payload built from a parsed input says what the user wrote.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final Pattern START_MARKER =
            Pattern.compile("\\(start marker at \\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]\\)");

    private Json() {}

    /** Parses one JSON value; {@link JsonSyntaxException} says where the text is wrong. */
    public static JsonValue parse(String text) throws JsonSyntaxException {
        if (text == null || text.isBlank()) {
            throw new JsonSyntaxException("it is empty", 1, 1);
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonValue value = read(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new JsonSyntaxException("more follows the end of the JSON value (" + parser.currentToken()
                        .asString() + ")", at.getLineNr(), at.getColumnNr());
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? -1 : at.getLineNr();
            int column = at == null ? -1 : at.getColumnNr();
            throw new JsonSyntaxException(withoutSource(e.getOriginalMessage()), line, column);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string failed", e);
        }
    }

    private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                // nextFieldName, as Jackson's own tree reader does: its errors have the same words
                for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                    members.put(key, read(parser, parser.nextToken()));
                }
                return new JsonObject(members);
            }
            case START_ARRAY: {
                List<JsonValue> elements = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    elements.add(read(parser, next));
                }
                return new JsonArray(elements);
            }
            case VALUE_STRING:
                return new JsonString(parser.getText());
            case VALUE_NUMBER_INT:
                return JsonNumber.integer(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return new JsonNumber(parser.getDecimalValue(), false);
            case VALUE_TRUE:
                return new JsonBoolean(true);
            case VALUE_FALSE:
                return new JsonBoolean(false);
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    /**
     * Jackson's words without its note on the (never shown) source: "expected close marker for Object (start
     * marker at [Source: REDACTED ...; line: 4, column: 18])" reads "... (opened at line 4, column 18)".
     */
    private static String withoutSource(String problem) {
        return problem == null ? null : START_MARKER.matcher(problem).replaceAll("(opened at line $1, column $2)");
    }

    /** Compact JSON text. */
    public static String write(JsonValue value) {
        return write(value, false);
    }

    /** Compact JSON as UTF-8 bytes. */
    public static byte[] writeBytes(JsonValue value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Indented JSON text, for files people read: two spaces per level, {@code "key" : value}. */
    public static String writePretty(JsonValue value) {
        return write(value, true);
    }

    private static String write(JsonValue value, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (pretty) {
                generator.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, JsonValue value) throws IOException {
        if (value instanceof JsonObject object) {
            generator.writeStartObject();
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                generator.writeFieldName(member.getKey());
                write(generator, member.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof JsonArray array) {
            generator.writeStartArray();
            for (JsonValue element : array.elements()) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof JsonString string) {
            generator.writeString(string.value());
        } else if (value instanceof JsonNumber number) {
            if (number.integral()) {
                generator.writeNumber(number.value().toBigIntegerExact());
            } else {
                generator.writeNumber(number.value());
            }
        } else if (value instanceof JsonBoolean bool) {
            generator.writeBoolean(bool.value());
        } else if (value instanceof JsonNull) {
            generator.writeNull();
        }
    }

    /** What is wrong with {@code pointer} as a JSON pointer (RFC 6901), or null when it is one. */
    public static String pointerProblem(String pointer) {
        try {
            JsonPointer.compile(pointer);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * The value at {@code pointer} (RFC 6901, such as {@code /tenant/id} or {@code /rows/0}) in {@code value}, or
     * null when it points at nothing; the empty pointer is {@code value} itself.
     *
     * @throws IllegalArgumentException when {@code pointer} is not a JSON pointer ({@link #pointerProblem})
     */
    public static JsonValue at(JsonValue value, String pointer) {
        JsonPointer step = JsonPointer.compile(pointer);
        JsonValue current = value;
        while (current != null && !step.matches()) {
            if (current instanceof JsonObject object) {
                current = object.get(step.getMatchingProperty());
            } else if (current instanceof JsonArray array) {
                int index = step.getMatchingIndex();
                current = index >= 0 && index < array.elements().size() ? array.elements().get(index) : null;
            } else {
                current = null;
            }
            step = step.tail();
        }
        return current;
    }
}
