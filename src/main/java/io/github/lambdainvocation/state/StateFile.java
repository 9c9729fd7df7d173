package io.github.lambdainvocation.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.model.CodeVersion;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.model.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state file as Jackson reads and writes it, and the one place that maps it to and from the model.
 *
 * <p>The order of the components is the order of the fields in the file. Jackson checks the JSON types (see
 * {@link StateCodec}); the mapping to the model checks what must be there ({@link #need}). A new field of
 * {@link InvocationSpec} is a component of {@link Invocation}, named as in the file, and one argument in each of
 * its two mappings (the compiler points at both).
 */
record StateFile(
        int formatVersion,
        /* null in states written before format 3, until their owner's first write */
        @JsonInclude(Include.NON_NULL) String owner,
        SortedMap<String, Invocation> invocations,
        @JsonInclude(Include.NON_EMPTY) SortedMap<String, Pending> pending) {

    /** One recorded invocation: its spec, flattened, and what came back. */
    record Invocation(
            String functionName,
            String qualifier,
            String region,
            LifecycleScope lifecycleScope,
            String terraformKey,
            @JsonSetter(contentNulls = Nulls.FAIL) SortedMap<String, String> triggers,
            JsonNode input,
            String result,
            String executedVersion,
            Instant invokedAt,
            /* null for RequestResponse, the default */
            @JsonInclude(Include.NON_NULL) InvocationType invocationType,
            @JsonInclude(Include.NON_DEFAULT) boolean sensitive,
            @JsonInclude(Include.NON_EMPTY) @JsonSetter(contentNulls = Nulls.FAIL) List<String> dependsOn,
            @JsonInclude(Include.NON_NULL) Code code) {

        static Invocation of(RecordedInvocation r) {
            InvocationSpec s = r.spec();
            return new Invocation(s.target().functionName(), s.target().qualifier(), s.target().region(), s.scope(),
                    s.terraformKey(), s.triggers(), s.input(), r.result(), r.executedVersion(), r.invokedAt(),
                    s.invocationType() == InvocationType.RequestResponse ? null : s.invocationType(), s.sensitive(),
                    s.dependsOn(), s.code() == null ? null : new Code(s.code().sha256(), s.code().version()));
        }

        RecordedInvocation toModel(String id, String what, String location) {
            InvocationSpec spec = new InvocationSpec(
                    new Target(need(functionName, "functionName", what, location),
                            need(qualifier, "qualifier", what, location), region),
                    need(lifecycleScope, "lifecycleScope", what, location),
                    need(terraformKey, "terraformKey", what, location),
                    need(input, "input", what, location), triggers, invocationType, sensitive, dependsOn,
                    code == null ? null : new CodeVersion(code.sha256(), code.version()));
            return new RecordedInvocation(id, spec, result, executedVersion, invokedAt);
        }
    }

    /** A call that was sent but whose outcome was never recorded. */
    record Pending(
            String functionName,
            String qualifier,
            String region,
            String event,
            InvocationType invocationType,
            String payload,
            Instant startedAt,
            /* what to record once it succeeded; null to forget the id */
            Invocation then) {

        static Pending of(PendingCall call) {
            Target t = call.target();
            return new Pending(t.functionName(), t.qualifier(), t.region(), call.event(), call.invocationType(),
                    call.payload(), call.startedAt(), call.then() == null ? null : Invocation.of(call.then()));
        }

        PendingCall toModel(String id, String what, String location) {
            return new PendingCall(id,
                    new Target(need(functionName, "functionName", what, location),
                            need(qualifier, "qualifier", what, location), region),
                    need(event, "event", what, location), need(payload, "payload", what, location),
                    need(invocationType, "invocationType", what, location),
                    need(startedAt, "startedAt", what, location),
                    then == null ? null : then.toModel(id, StateCodec.describe(List.of("pending", id, "then")),
                            location));
        }
    }

    /** The function's code an invocation was sent to. */
    record Code(String sha256, String version) {}

    static StateFile of(State state) {
        SortedMap<String, Invocation> invocations = new TreeMap<>();
        state.invocations().forEach((id, r) -> invocations.put(id, Invocation.of(r)));
        SortedMap<String, Pending> pending = new TreeMap<>();
        state.pending().forEach((id, call) -> pending.put(id, Pending.of(call)));
        return new StateFile(State.FORMAT_VERSION, state.owner().orElse(null), invocations, pending);
    }

    State toModel(String location) {
        List<RecordedInvocation> records = new ArrayList<>();
        for (Map.Entry<String, Invocation> e : need(invocations, "invocations", "it", location).entrySet()) {
            String what = StateCodec.describe(List.of("invocations", e.getKey()));
            records.add(need(e.getValue(), null, what, location).toModel(e.getKey(), what, location));
        }
        List<PendingCall> calls = new ArrayList<>();
        if (pending != null) {
            for (Map.Entry<String, Pending> e : pending.entrySet()) {
                String what = StateCodec.describe(List.of("pending", e.getKey()));
                calls.add(need(e.getValue(), null, what, location).toModel(e.getKey(), what, location));
            }
        }
        if (owner != null && owner.isBlank()) {
            throw StateCodec.corrupt(location, "its \"owner\" is blank");
        }
        State state = State.of(records, calls);
        return owner == null ? state : state.ownedBy(owner);
    }

    /** {@code value}, which the file must have (not missing, not null). */
    private static <T> T need(T value, String field, String what, String location) {
        if (value == null) {
            throw StateCodec.corrupt(location, field == null ? what + " is null" : what + " has no \"" + field + "\"");
        }
        return value;
    }
}
