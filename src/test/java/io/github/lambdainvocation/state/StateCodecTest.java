package io.github.lambdainvocation.state;

import static io.github.lambdainvocation.testing.Records.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.model.Access;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                triggers, InvocationType.Event, true, List.of("b", "a"), new CodeVersion("c0ffee==", "12"),
                Json.parse("{\"custom\": {\"tenant\": \"t-1\", \"n\": 1.50}, \"env\": {}}"));
        RecordedInvocation full = new RecordedInvocation("full", everything, "{\"ok\": 1.0}", "12", AT);
        RecordedInvocation bare = RecordedInvocation.of("bare", new InvocationSpec(new Target("fn", "$LATEST", null,
                Access.of("dev", null, null, null, "http://127.0.0.1:9")),
                LifecycleScope.EVERY_RUN, "tf", Json.parse("[]"), null, null, false, null, null));
        RecordedInvocation scalarInput = new RecordedInvocation("scalar",
                bare.spec().withInput(Json.parse("\"just text\"")).withCode(new CodeVersion("x", null)), null,
                null, AT);
        RecordedInvocation nullInput = RecordedInvocation.of("null-input", bare.spec().withInput(Json.parse("null")));
        PendingCall update = new PendingCall("full", everything.target(), "update", "{\"a\":2,\"tf\":{}}",
                InvocationType.RequestResponse, AT, full.withResult(null, null, null));
        PendingCall delete = new PendingCall("gone", new Target("fn", "live", null,
                Access.of(null, "aws-b", "arn:aws:iam::123456789012:role/deploy", "ext-1", null)), "delete", "",
                InvocationType.Event, Instant.EPOCH, null);
        return List.of(
                State.empty(),
                State.of(List.of(record("a", "{}"))),
                State.of(List.of(record("b", "{\"price\": 1.50, \"list\": [1, {\"x\": null}]}"), record("a", "{}"))),
                State.of(List.of(full, bare, scalarInput, nullInput)),
                State.of(List.of(), List.of(delete)),
                State.of(List.of(full, bare), List.of(update, delete)),
                State.of(List.of(full), List.of(delete)).ownedBy("com.acme:orders"),
                State.empty().ownedBy("com.acme:orders"));
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

    /** The fields an invocation must have, with valid values. */
    private static final Map<String, String> REQUIRED = ordered("functionName", "\"f\"", "qualifier", "\"q\"",
            "lifecycleScope", "\"CRUD\"", "terraformKey", "\"tf\"", "input", "{}");

    /** The fields a pending call must have, with valid values. */
    private static final Map<String, String> REQUIRED_PENDING = ordered("functionName", "\"f\"", "qualifier", "\"q\"",
            "event", "\"create\"", "invocationType", "\"Event\"", "payload", "\"{}\"", "startedAt",
            "\"2026-01-01T00:00:00Z\"");

    private static final String OK = fields(REQUIRED, null, null);

    private static final String PENDING = fields(REQUIRED_PENDING, null, null);

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The fields as JSON members, with {@code field} given {@code value} instead, or left out when it is null. */
    private static String fields(Map<String, String> fields, String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        if (field != null) {
            copy.remove(field);
            if (value != null) {
                copy.put(field, value);
            }
        }
        return copy.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String invocation(String fields) {
        return "{\"formatVersion\": 2, \"invocations\": {\"a\": {" + fields + "}}}";
    }

    private static String pending(String fields) {
        return "{\"formatVersion\": 2, \"invocations\": {}, \"pending\": {\"p\": {" + fields + "}}}";
    }

    private static State decode(String text) {
        return StateCodec.decode(text.getBytes(StandardCharsets.UTF_8), "L");
    }

    private static void assertRefused(String text, String why) {
        assertThatThrownBy(() -> decode(text))
                .as(text)
                .isInstanceOf(StateException.class)
                .hasMessageStartingWith("The state L cannot be read: " + why + ". ")
                .hasMessageContaining("It was left untouched")
                .matches(e -> ((StateException) e).userFixable());
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNotCoercedNamingTheInvocationAndTheField() {
        String a = "invocation 'a' has a ";
        assertRefused(invocation(fields(REQUIRED, "functionName", "5")), a + "\"functionName\" that is not a string");
        assertRefused(invocation(fields(REQUIRED, "qualifier", "true")), a + "\"qualifier\" that is not a string");
        assertRefused(invocation(fields(REQUIRED, "terraformKey", "{}")), a + "\"terraformKey\" that is not a string");
        assertRefused(invocation(OK + ", \"region\": [\"eu-west-1\"]"), a + "\"region\" that is not a string");
        assertRefused(invocation(OK + ", \"result\": 1.5"), a + "\"result\" that is not a string");
        assertRefused(invocation(OK + ", \"executedVersion\": 3"), a + "\"executedVersion\" that is not a string");
        assertRefused(invocation(OK + ", \"sensitive\": \"true\""), a + "\"sensitive\" that is not true or false");
        assertRefused(invocation(OK + ", \"sensitive\": 1"), a + "\"sensitive\" that is not true or false");
        assertRefused(invocation(OK + ", \"triggers\": {\"v\": 1}"), a + "\"triggers.v\" that is not a string");
        assertRefused(invocation(OK + ", \"triggers\": {\"v\": null}"), a + "\"triggers.v\" that is not a string");
        assertRefused(invocation(OK + ", \"triggers\": []"), a + "\"triggers\" that is not an object");
        assertRefused(invocation(OK + ", \"dependsOn\": \"b\""), a + "\"dependsOn\" that is not an array");
        assertRefused(invocation(OK + ", \"dependsOn\": [\"b\", 2]"), a + "\"dependsOn[1]\" that is not a string");
        assertRefused(invocation(OK + ", \"code\": {\"sha256\": 1}"), a + "\"code.sha256\" that is not a string");
        assertRefused(invocation(OK + ", \"code\": \"x\""), a + "\"code\" that is not a JSON object");
        assertRefused(invocation(fields(REQUIRED, "lifecycleScope", "1")),
                a + "\"lifecycleScope\" that is not one of CREATE_ONLY, CRUD, EVERY_RUN");
        assertRefused("{\"formatVersion\": 2, \"invocations\": {\"a\": 5}}", "invocation 'a' is not a JSON object");
        assertRefused("{\"formatVersion\": 2, \"invocations\": {\"a\": null}}", "invocation 'a' is null");
        assertRefused("{\"formatVersion\": 2, \"invocations\": []}", "its \"invocations\" is not an object");
        assertRefused("{\"formatVersion\": 2, \"invocations\": {}, \"pending\": 1}",
                "its \"pending\" is not an object");
        assertRefused(pending(fields(REQUIRED_PENDING, "event", "2")),
                "the pending call of 'p' has a \"event\" that is not a string");
        assertRefused(pending(PENDING + ", \"then\": 7"),
                "the record in \"then\" of the pending call of 'p' is not a JSON object");
        assertRefused(pending(PENDING + ", \"then\": {" + fields(REQUIRED, "functionName", "3") + "}"),
                "the record in \"then\" of the pending call of 'p' has a \"functionName\" that is not a string");
        assertRefused("{\"formatVersion\": 2.0, \"invocations\": {}}", "it has no integer \"formatVersion\"");
        assertRefused("{\"formatVersion\": \"2\", \"invocations\": {}}", "it has no integer \"formatVersion\"");
    }

    @Test
    void aMissingOrNullRequiredFieldIsRefusedByName() {
        for (String field : REQUIRED.keySet()) {
            String without = fields(REQUIRED, field, null);
            assertRefused(invocation(without), "invocation 'a' has no \"" + field + "\"");
            assertRefused(pending(PENDING + ", \"then\": {" + without + "}"),
                    "the record in \"then\" of the pending call of 'p' has no \"" + field + "\"");
            if (!field.equals("input")) { // "input": null is the JSON value null, as it always was
                assertRefused(invocation(fields(REQUIRED, field, "null")), "invocation 'a' has no \"" + field + "\"");
            }
        }
        for (String field : REQUIRED_PENDING.keySet()) {
            assertRefused(pending(fields(REQUIRED_PENDING, field, null)),
                    "the pending call of 'p' has no \"" + field + "\"");
            assertRefused(pending(fields(REQUIRED_PENDING, field, "null")),
                    "the pending call of 'p' has no \"" + field + "\"");
        }
        assertRefused("{\"formatVersion\": 1}", "it has no \"invocations\"");
        assertThat(decode(invocation(fields(REQUIRED, "input", "null"))).get("a").orElseThrow().spec().input().isNull())
                .isTrue();
    }

    @Test
    void anUnknownScopeOrTypeAndABadTimeAreRefused() {
        assertRefused(invocation(fields(REQUIRED, "lifecycleScope", "\"crud\"")),
                "invocation 'a' has the unknown lifecycleScope 'crud' (known: CREATE_ONLY, CRUD, EVERY_RUN)");
        assertRefused(invocation(fields(REQUIRED, "lifecycleScope", "\"0\"")),
                "invocation 'a' has the unknown lifecycleScope '0' (known: CREATE_ONLY, CRUD, EVERY_RUN)");
        assertRefused(invocation(OK + ", \"invocationType\": \"DryRun\""),
                "invocation 'a' has the unknown invocationType 'DryRun' (known: RequestResponse, Event)");
        assertRefused(pending(fields(REQUIRED_PENDING, "invocationType", "\"event\"")),
                "the pending call of 'p' has the unknown invocationType 'event' (known: RequestResponse, Event)");
        assertRefused(invocation(OK + ", \"invokedAt\": \"yesterday\""),
                "invocation 'a' has a \"invokedAt\" that is not a time (such as 2026-01-01T00:00:00Z)");
        assertRefused(invocation(OK + ", \"invokedAt\": 1767225600"),
                "invocation 'a' has a \"invokedAt\" that is not a time (such as 2026-01-01T00:00:00Z)");
        assertRefused(pending(fields(REQUIRED_PENDING, "startedAt", "\"2026-01-01\"")),
                "the pending call of 'p' has a \"startedAt\" that is not a time (such as 2026-01-01T00:00:00Z)");
        assertRefused("{\"formatVersion\": 0, \"invocations\": {}}", "its \"formatVersion\" 0 is not a known format");
    }

    @Test
    void fieldsThisPluginDoesNotKnowAreIgnoredSoAnOlderPluginReadsANewerPluginsOptionalFields() {
        State withExtras = decode("{\"formatVersion\": 2, \"writtenBy\": {\"plugin\": \"9.9\"},"
                + " \"invocations\": {\"a\": {" + OK + ", \"timeout\": \"PT5M\","
                + " \"code\": {\"sha256\": \"s\", \"version\": \"1\", \"size\": 3}}},"
                + " \"pending\": {\"p\": {" + PENDING + ", \"attempt\": 2, \"then\": null}}}");
        State without = decode("{\"formatVersion\": 2, \"invocations\": {\"a\": {" + OK
                + ", \"code\": {\"sha256\": \"s\", \"version\": \"1\"}}}, \"pending\": {\"p\": {" + PENDING + "}}}");

        assertThat(withExtras).isEqualTo(without);
        assertThat(withExtras.get("a").orElseThrow().spec().code()).isEqualTo(new CodeVersion("s", "1"));
        assertThat(new String(StateCodec.encode(withExtras), StandardCharsets.UTF_8))
                .as("what is not known is not kept either").doesNotContain("writtenBy", "timeout", "size", "attempt");
    }

    @Test
    void aFormatOneFileReadsAsTheSameStateWithoutTheFieldsFormatTwoAdded() {
        State one = decode("{\"formatVersion\": 1, \"invocations\": {\"a\": {" + OK + ", \"region\": null,"
                + " \"triggers\": {\"v\": \"1\"}, \"result\": \"r\", \"executedVersion\": \"$LATEST\","
                + " \"invokedAt\": \"2026-01-01T00:00:00Z\"}}}");

        RecordedInvocation a = one.get("a").orElseThrow();
        assertThat(a.spec().invocationType()).isEqualTo(InvocationType.RequestResponse);
        assertThat(a.spec().dependsOn()).isEmpty();
        assertThat(a.spec().code()).isNull();
        assertThat(a.spec().sensitive()).isFalse();
        assertThat(a.spec().triggers()).containsEntry("v", "1");
        assertThat(a.invokedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(one.pending()).isEmpty();
    }

    @Test
    void aResultNotKeptIsWrittenAsItsDigestOnlyAndReadsBackWithoutIt() throws Exception {
        InvocationSpec spec = new InvocationSpec(new Target("fn", "$LATEST", null), LifecycleScope.EVERY_RUN, "tf",
                Json.parse("{}"), null, null, false, null, null, false);
        RecordedInvocation received = new RecordedInvocation("token", spec, "{\"password\":\"s3cr3t-value\"}", "1",
                AT);
        PendingCall again = new PendingCall("token", spec.target(), "invoke", "{}", InvocationType.RequestResponse, AT,
                received);
        State state = State.of(List.of(received), List.of(again));

        byte[] bytes = StateCodec.encode(state);
        State read = StateCodec.decode(bytes, "x");

        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("s3cr3t-value")
                .contains("\"keepResult\" : false", "\"resultSha256\" : \"" + received.resultSha256() + "\"");
        RecordedInvocation back = read.get("token").orElseThrow();
        assertThat(back.result()).isNull();
        assertThat(back.resultSha256()).isEqualTo(received.resultSha256())
                .isEqualTo(io.github.lambdainvocation.model.Digests.sha256("{\"password\":\"s3cr3t-value\"}"));
        assertThat(back.spec().keepResult()).isFalse();
        assertThat(read.pending().get("token").then().resultSha256()).isEqualTo(received.resultSha256());
        assertThat(StateCodec.encode(read)).as("read back, it writes the same bytes").isEqualTo(bytes);
    }

    @Test
    void aResultInAFileThatSaysItIsNotKeptIsNotReadAndOlderFilesKeepTheirResults() {
        State notKept = decode(invocation(OK + ", \"keepResult\": false, \"result\": \"left by hand\","
                + " \"resultSha256\": \"sha256:ab\""));
        State older = decode(invocation(OK + ", \"result\": \"r\""));

        assertThat(notKept.get("a").orElseThrow().result()).isNull();
        assertThat(notKept.get("a").orElseThrow().resultSha256()).isEqualTo("sha256:ab");
        assertThat(older.get("a").orElseThrow().spec().keepResult()).isTrue();
        assertThat(older.get("a").orElseThrow().result()).isEqualTo("r");
        assertRefused(invocation(OK + ", \"keepResult\": \"no\""),
                "invocation 'a' has a \"keepResult\" that is not true or false");
    }

    @Test
    void theClientContextIsRecordedAsAnObjectAndAStateWithoutOneReadsAsNone() throws Exception {
        State with = decode("{\"formatVersion\": 3, \"invocations\": {\"a\": {" + OK
                + ", \"clientContext\": {\"custom\": {\"k\": \"v\"}}}}}");
        assertThat(with.get("a").orElseThrow().spec().clientContext())
                .isEqualTo(Json.parse("{\"custom\": {\"k\": \"v\"}}"));
        assertThat(new String(StateCodec.encode(with), StandardCharsets.UTF_8))
                .contains("\"clientContext\" : {");
        assertThat(StateCodec.decode(StateCodec.encode(with), "x")).isEqualTo(with);

        State without = decode("{\"formatVersion\": 3, \"invocations\": {\"a\": {" + OK + "}}}");
        assertThat(without.get("a").orElseThrow().spec().clientContext()).isNull();
        assertThat(new String(StateCodec.encode(without), StandardCharsets.UTF_8)).doesNotContain("clientContext");

        assertRefused(invocation(OK + ", \"clientContext\": \"e30=\""),
                "invocation 'a' has a \"clientContext\" that is not an object");
    }

    @Test
    void anInvocationsOwnAccessIsRecordedWithItsTargetAndAStateWithoutOneReadsAsThePlugins() {
        State with = decode("{\"formatVersion\": 3, \"invocations\": {\"a\": {" + OK
                + ", \"access\": {\"profile\": \"account-b\", \"endpointUrl\": \"http://127.0.0.1:9\"}}}}");
        assertThat(with.get("a").orElseThrow().target().access())
                .isEqualTo(new Access("account-b", null, null, null, "http://127.0.0.1:9"));
        assertThat(StateCodec.decode(StateCodec.encode(with), "x")).isEqualTo(with);

        State without = decode("{\"formatVersion\": 3, \"invocations\": {\"a\": {" + OK + "}}}");
        assertThat(without.get("a").orElseThrow().target().access()).isNull();
        assertThat(new String(StateCodec.encode(without), StandardCharsets.UTF_8)).doesNotContain("access");

        assertRefused(invocation(OK + ", \"access\": \"account-b\""),
                "invocation 'a' has a \"access\" that is not a JSON object");
        assertRefused(invocation(OK + ", \"access\": {\"roleArn\": 7}"),
                "invocation 'a' has a \"access.roleArn\" that is not a string");
    }
}
