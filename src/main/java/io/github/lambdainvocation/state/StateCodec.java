package io.github.lambdainvocation.state;

import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonNumber;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.model.Target;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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

    private StateCodec() {}

    /**
     * {@code spec} in the state's own mapping, so that whatever the state records of a spec (every component a
     * new element adds too) is in this tree.
     */
    public static JsonObject spec(InvocationSpec spec) {
        return StateFile.spec(spec);
    }

    /** Where a call goes, in the state's own mapping: function, qualifier, region and the invocation's access. */
    public static JsonObject target(Target target) {
        return StateFile.target(target).build();
    }

    /**
     * A target as {@link #target(Target)} writes it.
     *
     * @throws StateException when a field is missing or of the wrong type, naming {@code what}
     */
    public static Target target(JsonObject tree, String what, String location) {
        return StateFile.target(tree, what, location);
    }

    public static byte[] encode(State state) {
        return (Json.writePretty(StateFile.of(state)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a state written by {@link #encode}, or by an older plugin.
     *
     * @param location where the bytes came from, for messages
     * @throws StateException when the bytes are not a state this plugin can read (corrupt, or a newer format)
     */
    public static State decode(byte[] bytes, String location) throws StateException {
        JsonValue root;
        try {
            root = Json.parse(utf8(bytes, location));
        } catch (JsonSyntaxException e) {
            throw corrupt(location, "it is not valid JSON (line " + e.line() + ", column " + e.column() + ": "
                    + e.problem() + ")");
        }
        if (!(root instanceof JsonObject file)) {
            throw corrupt(location, "it is not a JSON object");
        }
        // The version first: a newer format need not have the fields this plugin reads.
        Integer version = file.get("formatVersion") instanceof JsonNumber n ? n.intValue() : null;
        if (version == null) {
            throw corrupt(location, "it has no integer \"formatVersion\"");
        }
        if (version > State.FORMAT_VERSION) {
            throw new StateException("The state " + location + " has format version " + version
                    + ", written by a newer lambda-invocation-maven-plugin; this version reads formats up to "
                    + State.FORMAT_VERSION + ". Use the newer plugin version. The state was left untouched.", true);
        }
        if (version < 1) {
            throw corrupt(location, "its \"formatVersion\" " + version + " is not a known format");
        }
        return StateFile.toModel(file, location);
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

    static StateException corrupt(String location, String why) {
        return new StateException("The state " + location + " cannot be read: " + why + ". It was left untouched;"
                + " restore it from a backup or fix it by hand (deleting it forgets every recorded invocation).",
                true);
    }
}
