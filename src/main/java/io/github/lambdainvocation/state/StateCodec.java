package io.github.lambdainvocation.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.model.State;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state's JSON format, shared by every store:
 *
 * <pre>{@code
 * {"formatVersion": 3,
 *  "owner": "com.acme:orders",
 *  "invocations": {"seed-db": {"functionName": "...", "qualifier": "$LATEST", "region": null,
 *                              "lifecycleScope": "CRUD", "terraformKey": "tf", "triggers": {},
 *                              "input": {...}, "result": "...", "executedVersion": "1",
 *                              "invokedAt": "2026-01-01T00:00:00Z", "dependsOn": ["a"], ...}},
 *  "pending": {"seed-db": {"functionName": ..., "event": "update", "payload": "...", "startedAt": ...,
 *                          "then": {a record, or null to forget}}}}
 * }</pre>
 *
 * The fields are declared by {@link StateFile}. Formats 1 (before pending calls, dependencies and code versions)
 * and 2 (before the owner) are still read: their files are format 3 files without those optional fields. Fields
 * this plugin does not know are ignored, so a file with an optional field a newer plugin added is still read; JSON
 * types are not coerced (a number where a string belongs is refused).
 */
public final class StateCodec {

    private static final ObjectMapper MAPPER = mapper();

    private StateCodec() {}

    /** Json's mapper (exact decimals, strict reading), for records: indented, strict about types. */
    private static ObjectMapper mapper() {
        ObjectMapper mapper = Json.mapper().copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .registerModule(new SimpleModule("state-times")
                        .addSerializer(Instant.class, ToStringSerializer.instance)
                        .addDeserializer(Instant.class, new InstantDeserializer()));
        // Without these, Jackson reads 5 as "5", "true" as true and 1 as true.
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    public static byte[] encode(State state) {
        try {
            return (MAPPER.writeValueAsString(StateFile.of(state)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a state could not be written as JSON", e);
        }
    }

    /**
     * Reads a state written by {@link #encode}, or by an older plugin.
     *
     * @param location where the bytes came from, for messages
     * @throws StateException when the bytes are not a state this plugin can read (corrupt, or a newer format)
     */
    public static State decode(byte[] bytes, String location) throws StateException {
        JsonNode root;
        try {
            root = Json.parse(utf8(bytes, location));
        } catch (JsonSyntaxException e) {
            throw corrupt(location, "it is not valid JSON (line " + e.line() + ", column " + e.column() + ": "
                    + e.problem() + ")");
        }
        if (!root.isObject()) {
            throw corrupt(location, "it is not a JSON object");
        }
        // The version first: a newer format need not bind to this plugin's records.
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isIntegralNumber()) {
            throw corrupt(location, "it has no integer \"formatVersion\"");
        }
        if (version.asInt() > State.FORMAT_VERSION) {
            throw new StateException("The state " + location + " has format version " + version.asInt()
                    + ", written by a newer lambda-invocation-maven-plugin; this version reads formats up to "
                    + State.FORMAT_VERSION + ". Use the newer plugin version. The state was left untouched.", true);
        }
        if (version.asInt() < 1) {
            throw corrupt(location, "its \"formatVersion\" " + version.asInt() + " is not a known format");
        }
        StateFile file;
        try {
            file = MAPPER.treeToValue(root, StateFile.class);
        } catch (JsonMappingException e) {
            throw corrupt(location, why(e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw corrupt(location, "it does not have the shape of a state (" + e.getMessage() + ")");
        }
        return file.toModel(location);
    }

    /**
     * The text of {@code bytes}, refused when they are not UTF-8: decoded leniently, a damaged byte would become
     * U+FFFD, and the next write would record that instead of what was sent.
     */
    private static String utf8(byte[] bytes, String location) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw corrupt(location, "it is not UTF-8 text (line " + line + " has a byte that is not)");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** What is wrong, from the path and kind of Jackson's exception: which invocation, which field, why. */
    private static String why(JsonMappingException e) {
        List<Object> path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? (Object) r.getFieldName() : (Object) r.getIndex())
                .toList();
        int subject = path.size() >= 3 && "pending".equals(path.get(0)) && "then".equals(path.get(2)) ? 3
                : path.size() >= 2 && ("invocations".equals(path.get(0)) || "pending".equals(path.get(0))) ? 2
                : 0;
        String what = describe(path.subList(0, subject));
        StringBuilder field = new StringBuilder();
        for (Object step : path.subList(subject, path.size())) {
            field.append(step instanceof Integer i ? "[" + i + "]" : (field.isEmpty() ? "" : ".") + step);
        }
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (field.isEmpty()) {
            return what + " is not a JSON object";
        }
        if (type != null && type.isEnum() && e instanceof InvalidFormatException f
                && f.getValue() instanceof String s) {
            return what + " has the unknown " + field + " '" + s + "' (known: " + names(type) + ")";
        }
        String is = type == null ? "cannot be read (" + e.getOriginalMessage() + ")" : "is not " + expected(type);
        return what.equals("it") ? "its \"" + field + "\" " + is : what + " has a \"" + field + "\" that " + is;
    }

    /** Whom the first steps of a path lead to, for messages: "invocation 'a'", "the pending call of 'a'", ... */
    static String describe(List<Object> path) {
        if (path.size() == 2 && path.get(0).equals("invocations")) {
            return "invocation '" + path.get(1) + "'";
        }
        if (path.size() == 2 && path.get(0).equals("pending")) {
            return "the pending call of '" + path.get(1) + "'";
        }
        if (path.size() == 3 && path.get(0).equals("pending")) {
            return "the record in \"then\" of the pending call of '" + path.get(1) + "'";
        }
        return "it";
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class) {
            return "an integer";
        }
        if (type == Instant.class) {
            return "a time (such as 2026-01-01T00:00:00Z)";
        }
        if (type.isEnum()) {
            return "one of " + names(type);
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a JSON object";
    }

    private static String names(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
    }

    static StateException corrupt(String location, String why) {
        return new StateException("The state " + location + " cannot be read: " + why + ". It was left untouched;"
                + " restore it from a backup or fix it by hand (deleting it forgets every recorded invocation).",
                true);
    }

    /** Times as {@link Instant#parse} reads them (the form {@link Instant#toString} writes), from strings only. */
    private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not a time");
            }
        }
    }
}
