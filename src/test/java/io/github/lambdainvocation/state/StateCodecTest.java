package io.github.lambdainvocation.state;

import static io.github.lambdainvocation.testing.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.model.CodeVersion;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.model.Target;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateCodecTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:15:30.123456789Z");

    /** States that between them use every field, both ways of every optional one, and awkward text. */
    static List<State> samples() throws Exception {
        TreeMap<String, String> triggers = new TreeMap<>();
        triggers.put("z", "last");
        triggers.put("a", "first \"quoted\" \u00e9 \u2028 \t");
        InvocationSpec everything = new InvocationSpec(new Target("arn:aws:lambda:eu-west-1:1:function:f", "7",
                "eu-west-1"), LifecycleScope.CREATE_ONLY, "lifecycle",
                Json.parse("{\"price\": 1.50, \"big\": 1e400, \"n\": -0, \"list\": [1, {\"x\": null}, [], {}],"
                        + " \"s\": \"\\u0000\\ud83d\\ude00\"}"),
                triggers, InvocationType.Event, true, List.of("b", "a"), new CodeVersion("c0ffee==", "12"));
        RecordedInvocation full = new RecordedInvocation("full", everything, "{\"ok\": 1.0}", "12", AT);
        RecordedInvocation bare = RecordedInvocation.of("bare", new InvocationSpec(new Target("fn", "$LATEST", null),
                LifecycleScope.EVERY_RUN, "tf", Json.parse("[]"), null, null, false, null, null));
        RecordedInvocation scalarInput = new RecordedInvocation("scalar",
                bare.spec().withInput(Json.parse("\"just text\"")).withCode(new CodeVersion("x", null)), null,
                null, AT);
        RecordedInvocation nullInput = RecordedInvocation.of("null-input", bare.spec().withInput(Json.parse("null")));
        PendingCall update = new PendingCall("full", everything.target(), "update", "{\"a\":2,\"tf\":{}}",
                InvocationType.RequestResponse, AT, full.withResult(null, null, null));
        PendingCall delete = new PendingCall("gone", new Target("fn", "live", null), "delete", "",
                InvocationType.Event, Instant.EPOCH, null);
        return List.of(
                State.empty(),
                State.of(List.of(record("a", "{}"))),
                State.of(List.of(record("b", "{\"price\": 1.50, \"list\": [1, {\"x\": null}]}"), record("a", "{}"))),
                State.of(List.of(full, bare, scalarInput, nullInput)),
                State.of(List.of(), List.of(delete)),
                State.of(List.of(full, bare), List.of(update, delete)));
    }

    @Test
    void writesExactlyTheBytesTheTreeEncoderWrote() throws Exception {
        for (State state : samples()) {
            byte[] bytes = StateCodec.encode(state);

            assertThat(new String(bytes, StandardCharsets.UTF_8)).as(state.toString())
                    .isEqualTo(new String(TreeStateEncoder.encode(state), StandardCharsets.UTF_8));
            assertThat(bytes).as(state.toString()).isEqualTo(TreeStateEncoder.encode(state));
        }
    }

    @Test
    void everySampleReadsBackAsItWasWritten() throws Exception {
        for (State state : samples()) {
            byte[] bytes = StateCodec.encode(state);

            assertThat(StateCodec.decode(bytes, "x")).as(state.toString()).isEqualTo(state);
            assertThat(StateCodec.encode(StateCodec.decode(bytes, "x"))).isEqualTo(bytes);
        }
    }
}
