package io.github.lambdainvocation.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The one place that knows how JSON is read, compared and written.
 *
 * <p>Reading is strict (duplicate keys and trailing content are errors) and lossless for numbers
 * ({@code 1.50} stays {@code 1.50}), so a payload built from a parsed input says what the user wrote.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final Pattern START_MARKER =
            Pattern.compile("\\(start marker at \\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]\\)");

    private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Parses one JSON value; {@link JsonSyntaxException} says where the text is wrong. */
    public static JsonNode parse(String text) throws JsonSyntaxException {
        if (text == null || text.isBlank()) {
            throw new JsonSyntaxException("it is empty", 1, 1);
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? -1 : at.getLineNr();
            int column = at == null ? -1 : at.getColumnNr();
            throw new JsonSyntaxException(withoutSource(e.getOriginalMessage()), line, column);
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
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Compact JSON as UTF-8 bytes. */
    public static byte[] writeBytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8);
    }

    /** Indented JSON text, for files people read. */
    public static String writePretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    /** The mapper, for code that reads JSON structures of its own (the state file). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
