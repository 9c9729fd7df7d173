package io.github.lambdainvocation.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdainvocation.config.LifecycleScope;
import io.github.lambdainvocation.config.Target;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state's JSON format, shared by every store:
 *
 * <pre>{@code
 * {"formatVersion": 1,
 *  "invocations": {"seed-db": {"functionName": "...", "qualifier": "$LATEST", "region": null,
 *                              "lifecycleScope": "CRUD", "terraformKey": "tf", "triggers": {},
 *                              "input": {...}, "result": "...", "executedVersion": "1",
 *                              "invokedAt": "2026-01-01T00:00:00Z"}}}
 * }</pre>
 */
public final class StateCodec {

    private StateCodec() {}

    public static byte[] encode(State state) {
        ObjectNode root = Json.object();
        root.put("formatVersion", State.FORMAT_VERSION);
        ObjectNode all = root.putObject("invocations");
        for (RecordedInvocation r : state.invocations().values()) {
            ObjectNode n = all.putObject(r.id());
            n.put("functionName", r.target().functionName());
            n.put("qualifier", r.target().qualifier());
            n.put("region", r.target().region());
            n.put("lifecycleScope", r.scope().name());
            n.put("terraformKey", r.terraformKey());
            ObjectNode triggers = n.putObject("triggers");
            r.triggers().forEach(triggers::put);
            n.set("input", r.input());
            n.put("result", r.result());
            n.put("executedVersion", r.executedVersion());
            n.put("invokedAt", r.invokedAt() == null ? null : r.invokedAt().toString());
            if (r.sensitive()) {
                n.put("sensitive", true);
            }
        }
        return (Json.writePretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a state written by {@link #encode}.
     *
     * @param location where the bytes came from, for messages
     * @throws StateException when the bytes are not a state this plugin can read (corrupt, or a newer format)
     */
    public static State decode(byte[] bytes, String location) throws StateException {
        JsonNode root;
        try {
            root = Json.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            throw corrupt(location, "it is not valid JSON (line " + e.line() + ", column " + e.column() + ": "
                    + e.problem() + ")");
        }
        if (!root.isObject()) {
            throw corrupt(location, "it is not a JSON object");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.canConvertToExactIntegral() || !version.isIntegralNumber()) {
            throw corrupt(location, "it has no integer \"formatVersion\"");
        }
        if (version.asInt() > State.FORMAT_VERSION) {
            throw new StateException("The state " + location + " has format version " + version.asInt()
                    + ", written by a newer lambda-invocation-maven-plugin; this version reads format "
                    + State.FORMAT_VERSION + ". Use the newer plugin version. The state was left untouched.", true);
        }
        if (version.asInt() < 1) {
            throw corrupt(location, "its \"formatVersion\" " + version.asInt() + " is not a known format");
        }
        JsonNode all = root.get("invocations");
        if (all == null || !all.isObject()) {
            throw corrupt(location, "it has no \"invocations\" object");
        }
        List<RecordedInvocation> records = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : all.properties()) {
            records.add(record(entry.getKey(), entry.getValue(), location));
        }
        return State.of(records);
    }

    private static RecordedInvocation record(String id, JsonNode n, String location) {
        if (!n.isObject()) {
            throw corrupt(location, "invocation '" + id + "' is not a JSON object");
        }
        String scopeName = text(n, "lifecycleScope", id, location, true);
        LifecycleScope scope = LifecycleScope.named(scopeName).orElseThrow(() -> corrupt(location,
                "invocation '" + id + "' has the unknown lifecycleScope '" + scopeName + "'"));
        JsonNode input = n.get("input");
        if (input == null || input.isMissingNode()) {
            throw corrupt(location, "invocation '" + id + "' has no \"input\"");
        }
        SortedMap<String, String> triggers = new TreeMap<>();
        JsonNode t = n.get("triggers");
        if (t != null && !t.isNull()) {
            if (!t.isObject()) {
                throw corrupt(location, "invocation '" + id + "' has \"triggers\" that are not an object");
            }
            for (Map.Entry<String, JsonNode> e : t.properties()) {
                if (!e.getValue().isTextual()) {
                    throw corrupt(location, "invocation '" + id + "' has a trigger that is not a string");
                }
                triggers.put(e.getKey(), e.getValue().asText());
            }
        }
        Instant invokedAt = null;
        String at = text(n, "invokedAt", id, location, false);
        if (at != null) {
            try {
                invokedAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw corrupt(location, "invocation '" + id + "' has an invokedAt that is not a time");
            }
        }
        return new RecordedInvocation(
                id,
                new Target(text(n, "functionName", id, location, true),
                        text(n, "qualifier", id, location, true),
                        text(n, "region", id, location, false)),
                scope,
                text(n, "terraformKey", id, location, true),
                triggers,
                input,
                text(n, "result", id, location, false),
                text(n, "executedVersion", id, location, false),
                invokedAt,
                n.path("sensitive").asBoolean(false));
    }

    private static String text(JsonNode n, String field, String id, String location, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw corrupt(location, "invocation '" + id + "' has no \"" + field + "\"");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw corrupt(location, "invocation '" + id + "' has a \"" + field + "\" that is not a string");
        }
        return v.asText();
    }

    private static StateException corrupt(String location, String why) {
        return new StateException("The state " + location + " cannot be read: " + why + ". It was left untouched;"
                + " restore it from a backup or fix it by hand (deleting it forgets every recorded invocation).",
                true);
    }
}
