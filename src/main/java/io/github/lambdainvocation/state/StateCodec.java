package io.github.lambdainvocation.state;

import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdainvocation.model.CodeVersion;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.Target;
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
 * {"formatVersion": 2,
 *  "invocations": {"seed-db": {"functionName": "...", "qualifier": "$LATEST", "region": null,
 *                              "lifecycleScope": "CRUD", "terraformKey": "tf", "triggers": {},
 *                              "input": {...}, "result": "...", "executedVersion": "1",
 *                              "invokedAt": "2026-01-01T00:00:00Z", "dependsOn": [], ...}},
 *  "pending": {"seed-db": {"functionName": ..., "event": "update", "payload": "...", "startedAt": ...,
 *                          "then": {a record, or null to forget}}}}
 * }</pre>
 *
 * Format 1 (before pending calls, dependencies and code versions) is still read.
 */
public final class StateCodec {

    private StateCodec() {}

    public static byte[] encode(State state) {
        ObjectNode root = Json.object();
        root.put("formatVersion", State.FORMAT_VERSION);
        ObjectNode all = root.putObject("invocations");
        for (RecordedInvocation r : state.invocations().values()) {
            all.set(r.id(), record(r));
        }
        if (!state.pending().isEmpty()) {
            ObjectNode pending = root.putObject("pending");
            for (PendingCall call : state.pending().values()) {
                ObjectNode n = pending.putObject(call.id());
                target(n, call.target());
                n.put("event", call.event());
                n.put("invocationType", call.invocationType().name());
                n.put("payload", call.payload());
                n.put("startedAt", call.startedAt().toString());
                n.set("then", call.then() == null ? null : record(call.then()));
            }
        }
        return (Json.writePretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode record(RecordedInvocation r) {
        InvocationSpec spec = r.spec();
        ObjectNode n = Json.object();
        target(n, spec.target());
        n.put("lifecycleScope", spec.scope().name());
        n.put("terraformKey", spec.terraformKey());
        ObjectNode triggers = n.putObject("triggers");
        spec.triggers().forEach(triggers::put);
        n.set("input", spec.input());
        n.put("result", r.result());
        n.put("executedVersion", r.executedVersion());
        n.put("invokedAt", r.invokedAt() == null ? null : r.invokedAt().toString());
        if (spec.invocationType() != InvocationType.RequestResponse) {
            n.put("invocationType", spec.invocationType().name());
        }
        if (spec.sensitive()) {
            n.put("sensitive", true);
        }
        if (!spec.dependsOn().isEmpty()) {
            spec.dependsOn().forEach(n.putArray("dependsOn")::add);
        }
        if (spec.code() != null) {
            n.putObject("code").put("sha256", spec.code().sha256()).put("version", spec.code().version());
        }
        return n;
    }

    private static void target(ObjectNode n, Target target) {
        n.put("functionName", target.functionName());
        n.put("qualifier", target.qualifier());
        n.put("region", target.region());
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
            root = Json.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            throw corrupt(location, "it is not valid JSON (line " + e.line() + ", column " + e.column() + ": "
                    + e.problem() + ")");
        }
        if (!root.isObject()) {
            throw corrupt(location, "it is not a JSON object");
        }
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
        JsonNode all = root.get("invocations");
        if (all == null || !all.isObject()) {
            throw corrupt(location, "it has no \"invocations\" object");
        }
        List<RecordedInvocation> records = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : all.properties()) {
            records.add(record(entry.getKey(), entry.getValue(), location, "invocation '" + entry.getKey() + "'"));
        }
        List<PendingCall> pending = new ArrayList<>();
        JsonNode calls = root.get("pending");
        if (calls != null && !calls.isNull()) {
            if (!calls.isObject()) {
                throw corrupt(location, "its \"pending\" is not an object");
            }
            for (Map.Entry<String, JsonNode> entry : calls.properties()) {
                pending.add(pending(entry.getKey(), entry.getValue(), location));
            }
        }
        return State.of(records, pending);
    }

    private static PendingCall pending(String id, JsonNode n, String location) {
        String what = "the pending call of '" + id + "'";
        if (!n.isObject()) {
            throw corrupt(location, what + " is not a JSON object");
        }
        String type = text(n, "invocationType", what, location, true);
        RecordedInvocation then = n.get("then") == null || n.get("then").isNull()
                ? null
                : record(id, n.get("then"), location, what);
        return new PendingCall(id, target(n, what, location), text(n, "event", what, location, true),
                text(n, "payload", what, location, true),
                InvocationType.named(type).orElseThrow(() -> corrupt(location, what + " has an unknown type")),
                time(n, "startedAt", what, location), then);
    }

    private static RecordedInvocation record(String id, JsonNode n, String location, String what) {
        if (!n.isObject()) {
            throw corrupt(location, what + " is not a JSON object");
        }
        String scopeName = text(n, "lifecycleScope", what, location, true);
        LifecycleScope scope = LifecycleScope.named(scopeName).orElseThrow(() -> corrupt(location,
                what + " has the unknown lifecycleScope '" + scopeName + "'"));
        JsonNode input = n.get("input");
        if (input == null || input.isMissingNode()) {
            throw corrupt(location, what + " has no \"input\"");
        }
        SortedMap<String, String> triggers = new TreeMap<>();
        JsonNode t = n.get("triggers");
        if (t != null && !t.isNull()) {
            if (!t.isObject()) {
                throw corrupt(location, what + " has \"triggers\" that are not an object");
            }
            for (Map.Entry<String, JsonNode> e : t.properties()) {
                if (!e.getValue().isTextual()) {
                    throw corrupt(location, what + " has a trigger that is not a string");
                }
                triggers.put(e.getKey(), e.getValue().asText());
            }
        }
        List<String> dependsOn = new ArrayList<>();
        JsonNode deps = n.get("dependsOn");
        if (deps != null && !deps.isNull()) {
            if (!deps.isArray()) {
                throw corrupt(location, what + " has \"dependsOn\" that is not an array");
            }
            deps.forEach(d -> dependsOn.add(d.asText()));
        }
        CodeVersion code = null;
        JsonNode c = n.get("code");
        if (c != null && !c.isNull()) {
            code = new CodeVersion(c.path("sha256").asText(null), c.path("version").asText(null));
        }
        String typeName = text(n, "invocationType", what, location, false);
        InvocationType type = typeName == null ? InvocationType.RequestResponse : InvocationType.named(typeName)
                .orElseThrow(() -> corrupt(location, what + " has the unknown invocationType '" + typeName + "'"));
        InvocationSpec spec = new InvocationSpec(target(n, what, location), scope,
                text(n, "terraformKey", what, location, true), input, triggers, type,
                n.path("sensitive").asBoolean(false), dependsOn, code);
        return new RecordedInvocation(id, spec,
                text(n, "result", what, location, false),
                text(n, "executedVersion", what, location, false),
                n.hasNonNull("invokedAt") ? time(n, "invokedAt", what, location) : null);
    }

    private static Target target(JsonNode n, String what, String location) {
        return new Target(text(n, "functionName", what, location, true),
                text(n, "qualifier", what, location, true),
                text(n, "region", what, location, false));
    }

    private static Instant time(JsonNode n, String field, String what, String location) {
        try {
            return Instant.parse(text(n, field, what, location, true));
        } catch (DateTimeParseException e) {
            throw corrupt(location, what + " has a \"" + field + "\" that is not a time");
        }
    }

    private static String text(JsonNode n, String field, String what, String location, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw corrupt(location, what + " has no \"" + field + "\"");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw corrupt(location, what + " has a \"" + field + "\" that is not a string");
        }
        return v.asText();
    }

    private static StateException corrupt(String location, String why) {
        return new StateException("The state " + location + " cannot be read: " + why + ". It was left untouched;"
                + " restore it from a backup or fix it by hand (deleting it forgets every recorded invocation).",
                true);
    }
}
