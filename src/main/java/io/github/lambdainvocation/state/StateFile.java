package io.github.lambdainvocation.state;

import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonBoolean;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.json.JsonValue.JsonString;
import io.github.lambdainvocation.model.Access;
import io.github.lambdainvocation.model.CodeVersion;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.model.Target;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The state file's fields, and the one place that maps them to and from the model.
 *
 * <p>Writing puts the fields in a fixed order (the order below); reading checks the JSON type of every field it
 * knows (a number where a string belongs is refused, never coerced), then that what must be there is there, and
 * ignores fields it does not know. A new field of {@link InvocationSpec} is one line in {@link #record} and one
 * in {@link #recorded}.
 */
final class StateFile {

    private StateFile() {}

    /** The file's tree: formatVersion, owner (when known), invocations, pending (when any). */
    static JsonObject of(State state) {
        JsonObject.Builder root = JsonObject.builder().put("formatVersion", State.FORMAT_VERSION);
        if (state.owner().isPresent()) {
            root.put("owner", state.owner().get());
        }
        JsonObject.Builder invocations = JsonObject.builder();
        for (Map.Entry<String, RecordedInvocation> r : state.invocations().entrySet()) {
            invocations.put(r.getKey(), record(r.getValue()));
        }
        root.put("invocations", invocations.build());
        if (!state.pending().isEmpty()) {
            JsonObject.Builder pending = JsonObject.builder();
            for (Map.Entry<String, PendingCall> call : state.pending().entrySet()) {
                pending.put(call.getKey(), pending(call.getValue()));
            }
            root.put("pending", pending.build());
        }
        return root.build();
    }

    /** A spec as the state records it (with nothing come back yet), for digests of the configuration. */
    static JsonObject spec(InvocationSpec spec) {
        return record(RecordedInvocation.of("-", spec));
    }

    /** One recorded invocation: its spec, flattened, and what came back. */
    private static JsonObject record(RecordedInvocation r) {
        InvocationSpec s = r.spec();
        JsonObject.Builder n = target(s.target())
                .put("lifecycleScope", s.scope().name())
                .put("terraformKey", s.terraformKey())
                .put("triggers", strings(s.triggers()))
                .put("input", s.input())
                .put("result", r.keptResult())
                .put("executedVersion", r.executedVersion())
                .put("invokedAt", r.invokedAt() == null ? null : r.invokedAt().toString());
        if (s.invocationType() != InvocationType.RequestResponse) {
            n.put("invocationType", s.invocationType().name());
        }
        if (s.sensitive()) {
            n.put("sensitive", true);
        }
        if (!s.keepResult()) {
            n.put("keepResult", false).put("resultSha256", r.resultSha256());
        }
        if (!s.dependsOn().isEmpty()) {
            n.putStrings("dependsOn", s.dependsOn());
        }
        if (s.clientContext() != null) {
            n.put("clientContext", s.clientContext());
        }
        if (s.code() != null) {
            n.put("code", JsonObject.builder().put("sha256", s.code().sha256()).put("version", s.code().version())
                    .build());
        }
        return n.build();
    }

    /** A call that was sent but whose outcome was never recorded; "then" is what to record once it succeeded. */
    private static JsonObject pending(PendingCall call) {
        return target(call.target())
                .put("event", call.event())
                .put("invocationType", call.invocationType().name())
                .put("payload", call.payload())
                .put("startedAt", call.startedAt().toString())
                .put("then", call.then() == null ? JsonValue.NULL : record(call.then()))
                .build();
    }

    static JsonObject.Builder target(Target t) {
        JsonObject.Builder n = JsonObject.builder().put("functionName", t.functionName())
                .put("qualifier", t.qualifier()).put("region", t.region());
        if (t.access() != null) {
            JsonObject.Builder access = JsonObject.builder();
            putIfSet(access, "profile", t.access().profile());
            putIfSet(access, "serverId", t.access().serverId());
            putIfSet(access, "roleArn", t.access().roleArn());
            putIfSet(access, "roleExternalId", t.access().roleExternalId());
            putIfSet(access, "endpointUrl", t.access().endpointUrl());
            n.put("access", access.build());
        }
        return n;
    }

    private static void putIfSet(JsonObject.Builder n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    /** A target alone, as {@link #target} writes it (the calls of a saved plan), its fields' types checked. */
    static Target target(JsonObject n, String what, String location) {
        Fields f = new Fields(n, what, location);
        String functionName = f.string("functionName");
        String qualifier = f.string("qualifier");
        String region = f.string("region");
        Access access = access(f);
        return new Target(f.need(functionName, "functionName"), f.need(qualifier, "qualifier"), region, access);
    }

    /** The invocation's own access, as {@link #target} wrote it; null when it named none. */
    private static Access access(Fields f) {
        Fields a = f.nested("access");
        return a == null ? null : Access.of(a.string("profile"), a.string("serverId"), a.string("roleArn"),
                a.string("roleExternalId"), a.string("endpointUrl"));
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject.Builder n = JsonObject.builder();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            n.put(entry.getKey(), entry.getValue());
        }
        return n.build();
    }

    /** The state a file's tree holds; {@code root}'s formatVersion has been checked already. */
    static State toModel(JsonObject root, String location) {
        Fields file = new Fields(root, "it", location);
        String owner = file.string("owner");
        JsonObject invocations = file.object("invocations");
        JsonObject pendingCalls = file.object("pending");
        file.need(invocations, "invocations");
        List<RecordedInvocation> records = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : invocations.members().entrySet()) {
            String id = entry.getKey();
            records.add(recorded(id, file.entry(entry.getValue(), "invocation '" + id + "'")));
        }
        List<PendingCall> calls = new ArrayList<>();
        if (pendingCalls != null) {
            for (Map.Entry<String, JsonValue> entry : pendingCalls.members().entrySet()) {
                String id = entry.getKey();
                calls.add(pendingCall(id, file.entry(entry.getValue(), "the pending call of '" + id + "'")));
            }
        }
        if (owner != null && owner.isBlank()) {
            throw StateCodec.corrupt(location, "its \"owner\" is blank");
        }
        State state = State.of(records, calls);
        return owner == null ? state : state.ownedBy(owner);
    }

    private static RecordedInvocation recorded(String id, Fields f) {
        String functionName = f.string("functionName");
        String qualifier = f.string("qualifier");
        String region = f.string("region");
        Access access = access(f);
        LifecycleScope scope = f.enumValue("lifecycleScope", LifecycleScope.class);
        String terraformKey = f.string("terraformKey");
        SortedMap<String, String> triggers = f.stringMap("triggers");
        JsonValue input = f.value("input");
        String result = f.string("result");
        String executedVersion = f.string("executedVersion");
        Instant invokedAt = f.time("invokedAt");
        InvocationType invocationType = f.enumValue("invocationType", InvocationType.class);
        boolean sensitive = f.bool("sensitive");
        boolean keepResult = f.boolOr("keepResult", true);
        String resultSha256 = f.string("resultSha256");
        List<String> dependsOn = f.stringList("dependsOn");
        JsonValue clientContext = f.object("clientContext");
        Fields code = f.nested("code");
        CodeVersion codeVersion = code == null ? null : new CodeVersion(code.string("sha256"), code.string("version"));
        InvocationSpec spec = new InvocationSpec(
                new Target(f.need(functionName, "functionName"), f.need(qualifier, "qualifier"), region, access),
                f.need(scope, "lifecycleScope"), f.need(terraformKey, "terraformKey"), f.need(input, "input"),
                triggers, invocationType, sensitive, dependsOn, codeVersion, clientContext, keepResult);
        // a result not kept is never read back, whatever the file says
        return new RecordedInvocation(id, spec, keepResult ? result : null, executedVersion, invokedAt, resultSha256);
    }

    private static PendingCall pendingCall(String id, Fields f) {
        String functionName = f.string("functionName");
        String qualifier = f.string("qualifier");
        String region = f.string("region");
        Access access = access(f);
        String event = f.string("event");
        InvocationType invocationType = f.enumValue("invocationType", InvocationType.class);
        String payload = f.string("payload");
        Instant startedAt = f.time("startedAt");
        JsonValue then = f.value("then");
        RecordedInvocation record = then == null || then.isNull() ? null
                : recorded(id, f.entry(then, "the record in \"then\" of the pending call of '" + id + "'"));
        return new PendingCall(id,
                new Target(f.need(functionName, "functionName"), f.need(qualifier, "qualifier"), region, access),
                f.need(event, "event"), f.need(payload, "payload"), f.need(invocationType, "invocationType"),
                f.need(startedAt, "startedAt"), record);
    }

    /**
     * The fields of one object of the file, read with their JSON types checked: a field that is missing or null
     * reads as null (or false, or empty), one of another type is refused naming {@code what} and the field.
     *
     * @param what whom the object describes in messages: "it" (the file), "invocation 'a'", ...
     * @param prefix the path of this object below {@code what} ("code."), for nested objects
     */
    private record Fields(JsonObject object, String what, String location, String prefix) {

        Fields(JsonObject object, String what, String location) {
            this(object, what, location, "");
        }

        /** The object {@code value} of an entry that stands for {@code who}, refused when null or not an object. */
        Fields entry(JsonValue value, String who) {
            if (value.isNull()) {
                throw StateCodec.corrupt(location, who + " is null");
            }
            if (!(value instanceof JsonObject entry)) {
                throw StateCodec.corrupt(location, who + " is not a JSON object");
            }
            return new Fields(entry, who, location);
        }

        /** The value as it is (any JSON type), or null when the field is missing. */
        JsonValue value(String field) {
            return object.get(field);
        }

        /** The value unless it is missing or null. */
        private JsonValue present(String field) {
            JsonValue value = object.get(field);
            return value == null || value.isNull() ? null : value;
        }

        String string(String field) {
            JsonValue value = present(field);
            if (value == null) {
                return null;
            }
            if (value instanceof JsonString string) {
                return string.value();
            }
            throw wrong(field, "a string");
        }

        boolean bool(String field) {
            JsonValue value = present(field);
            if (value == null) {
                return false;
            }
            if (value instanceof JsonBoolean bool) {
                return bool.value();
            }
            throw wrong(field, "true or false");
        }

        /** A boolean field, or {@code fallback} when it is missing or null. */
        boolean boolOr(String field, boolean fallback) {
            return present(field) == null ? fallback : bool(field);
        }

        Instant time(String field) {
            String text;
            try {
                text = string(field);
            } catch (StateException e) {
                throw wrong(field, TIME);
            }
            try {
                return text == null ? null : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw wrong(field, TIME);
            }
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            JsonValue value = present(field);
            if (value == null) {
                return null;
            }
            if (!(value instanceof JsonString string)) {
                throw wrong(field, "one of " + names(type));
            }
            try {
                return Enum.valueOf(type, string.value());
            } catch (IllegalArgumentException e) {
                throw StateCodec.corrupt(location, what + " has the unknown " + prefix + field + " '"
                        + string.value() + "' (known: " + names(type) + ")");
            }
        }

        /** An object field (null when missing or null), refused when it is of another type. */
        JsonObject object(String field) {
            JsonValue value = present(field);
            if (value == null || value instanceof JsonObject) {
                return (JsonObject) value;
            }
            throw wrong(field, "an object");
        }

        /** An object field read as fields of its own (such as "code"), refused when it is not an object. */
        Fields nested(String field) {
            JsonValue value = present(field);
            if (value == null) {
                return null;
            }
            if (value instanceof JsonObject nested) {
                return new Fields(nested, what, location, prefix + field + ".");
            }
            throw wrong(field, "a JSON object");
        }

        /** An object of strings (no nulls), or null when missing. */
        SortedMap<String, String> stringMap(String field) {
            JsonObject map = object(field);
            if (map == null) {
                return null;
            }
            SortedMap<String, String> strings = new TreeMap<>();
            for (Map.Entry<String, JsonValue> member : map.members().entrySet()) {
                if (!(member.getValue() instanceof JsonString string)) {
                    throw wrong(field + "." + member.getKey(), "a string");
                }
                strings.put(member.getKey(), string.value());
            }
            return strings;
        }

        /** An array of strings (no nulls), or null when missing. */
        List<String> stringList(String field) {
            JsonValue value = present(field);
            if (value == null) {
                return null;
            }
            if (!(value instanceof JsonArray array)) {
                throw wrong(field, "an array");
            }
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < array.elements().size(); i++) {
                if (!(array.elements().get(i) instanceof JsonString string)) {
                    throw wrong(field + "[" + i + "]", "a string");
                }
                strings.add(string.value());
            }
            return strings;
        }

        /** {@code value}, which the file must have (not missing, not null). */
        <T> T need(T value, String field) {
            if (value == null) {
                throw StateCodec.corrupt(location, what + " has no \"" + field + "\"");
            }
            return value;
        }

        private StateException wrong(String field, String expected) {
            String path = prefix + field;
            return StateCodec.corrupt(location, what.equals("it") ? "its \"" + path + "\" is not " + expected
                    : what + " has a \"" + path + "\" that is not " + expected);
        }

        private static final String TIME = "a time (such as 2026-01-01T00:00:00Z)";

        private static String names(Class<? extends Enum<?>> type) {
            return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        }
    }
}
