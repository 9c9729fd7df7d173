package io.github.lambdainvocation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonNumber;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.Digests;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply;
import io.github.lambdainvocation.testing.RecordingConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply.json: its schema on a run where changes end in every way, and when it is not written. */
class ApplyReportFileTest {

    private static final Set<String> TOP = Set.of("schemaVersion", "goal", "state", "startedAt", "finishedAt",
            "changes", "summary");
    private static final Set<String> CHANGE = Set.of("id", "action", "reasons", "outcome", "start", "durationMs",
            "attempts", "executedVersion", "error");
    private static final Set<String> OUTCOMES = Set.of("done", "failed", "interrupted", "skipped");
    private static final Set<String> ERROR_TYPES = Set.of("function-error", "no-answer", "lambda-error",
            "state-error", "not-sent");
    private static final Set<String> ACTIONS = Arrays.stream(Action.values()).map(Action::label)
            .collect(Collectors.toSet());

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private LocalStateStore store;

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn", "broken", "secret", "lost");
        store = new LocalStateStore(dir.resolve("state.json"));
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private InvocationEngine engine() {
        return new InvocationEngine(store, () -> Invokers.of(lambda.endpoint(), new RecordingConsole()),
                event -> {}, Clock.systemUTC(), dir.resolve("out"));
    }

    private Path report() {
        return dir.resolve("out").resolve("apply.json");
    }

    private static List<DesiredInvocation> config(InvocationSettings... s) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(s));
    }

    private static InvocationEngine.RunOptions parallel(int n) {
        return new InvocationEngine.RunOptions(false, n, Set.of(), Set.of());
    }

    private static JsonObject object(JsonValue value) {
        assertThat(value).isInstanceOf(JsonObject.class);
        return (JsonObject) value;
    }

    private static void assertTimestamp(JsonValue value) {
        assertThat(value.typeName()).isEqualTo("string");
        String text = ((JsonValue.JsonString) value).value();
        assertThat(text).endsWith("Z");
        Instant.parse(text);
    }

    private static int number(JsonValue value) {
        assertThat(value).isInstanceOf(JsonNumber.class);
        return ((JsonNumber) value).intValue();
    }

    @Test
    void aRunWithDoneFailedInterruptedAndSkippedChangesReportsEachWithItsFacts() throws Exception {
        lambda.enqueue("broken", Reply.functionError("Unhandled", "ValueError", "boom at row 3", "log"));
        lambda.enqueue("secret", Reply.functionError("Unhandled", "AuthError", "bad password hunter2", "log"));
        lambda.enqueue("lost", Reply.hangUp());
        Instant before = Instant.now();

        assertThatThrownBy(() -> engine().invoke(config(
                InvocationSettings.withId("a").functionName("fn").input("{\"marker\": \"payload-of-a\"}"),
                InvocationSettings.withId("b").functionName("broken").input("{}"),
                InvocationSettings.withId("s").functionName("secret").input("{}").sensitive(true),
                InvocationSettings.withId("i").functionName("lost").input("{}"),
                InvocationSettings.withId("c").functionName("fn").input("{}").dependsOn("b")), parallel(4)));

        String text = Files.readString(report());
        assertThat(text).as("never a payload or a result").doesNotContain("payload-of-a")
                .as("never a sensitive message").doesNotContain("hunter2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report()))).isEqualTo("rw-------");

        JsonObject top = object(Json.parse(text));
        assertThat(top.members().keySet()).containsExactlyInAnyOrderElementsOf(TOP);
        assertThat(number(top.get("schemaVersion"))).isEqualTo(1);
        assertThat(top.text("goal")).isEqualTo("invoke");
        assertThat(top.text("state")).isEqualTo(store.location());
        assertTimestamp(top.get("startedAt"));
        assertTimestamp(top.get("finishedAt"));
        assertThat(Instant.parse(top.text("startedAt"))).isAfterOrEqualTo(before.minusSeconds(1))
                .isBeforeOrEqualTo(Instant.parse(top.text("finishedAt")));

        Map<String, JsonObject> changes = new LinkedHashMap<>();
        assertThat(top.get("changes")).isInstanceOf(JsonArray.class);
        for (JsonValue element : ((JsonArray) top.get("changes")).elements()) {
            JsonObject change = object(element);
            assertThat(change.members().keySet()).containsExactlyInAnyOrderElementsOf(CHANGE);
            assertThat(change.text("action")).isIn(ACTIONS);
            assertThat(change.text("outcome")).isIn(OUTCOMES);
            assertThat(change.get("reasons")).isInstanceOf(JsonArray.class);
            assertThat(((JsonArray) change.get("reasons")).elements()).allMatch(JsonValue::isString);
            assertThat(number(change.get("attempts"))).isNotNegative();
            assertThat(change.get("executedVersion").typeName()).isIn("string", "null");
            boolean started = !change.text("outcome").equals("skipped");
            if (started) {
                assertTimestamp(change.get("start"));
                assertThat(number(change.get("durationMs"))).isNotNegative();
            } else {
                assertThat(change.get("start").isNull()).isTrue();
                assertThat(change.get("durationMs").isNull()).isTrue();
            }
            JsonValue error = change.get("error");
            if (change.text("outcome").equals("done") || !started) {
                assertThat(error.isNull()).isTrue();
            } else {
                JsonObject e = object(error);
                assertThat(e.text("type")).isIn(ERROR_TYPES);
                assertThat(e.get("functionErrorType").typeName()).isIn("string", "null");
                assertThat(e.members().keySet()).hasSize(3).containsAnyOf("message", "messageSha256");
            }
            changes.put(change.text("id"), change);
        }
        assertThat(changes).containsOnlyKeys("a", "b", "s", "i", "c");

        JsonObject a = changes.get("a");
        assertThat(a.text("outcome")).isEqualTo("done");
        assertThat(a.text("action")).isEqualTo("create");
        assertThat(((JsonArray) a.get("reasons")).elements()).containsExactly(JsonValue.of("new"));
        assertThat(number(a.get("attempts"))).isEqualTo(1);
        assertThat(a.text("executedVersion")).isEqualTo("$LATEST");

        JsonObject b = changes.get("b");
        assertThat(b.text("outcome")).isEqualTo("failed");
        assertThat(number(b.get("attempts"))).isEqualTo(1);
        assertThat(object(b.get("error")).text("type")).isEqualTo("function-error");
        assertThat(object(b.get("error")).text("functionErrorType")).isEqualTo("ValueError");
        assertThat(object(b.get("error")).text("message")).contains("boom at row 3");

        JsonObject s = changes.get("s");
        assertThat(s.text("outcome")).isEqualTo("failed");
        JsonObject secret = object(s.get("error"));
        assertThat(secret.has("message")).as("a sensitive message is not shown").isFalse();
        assertThat(secret.text("messageSha256")).matches("sha256:[0-9a-f]{64}");

        JsonObject i = changes.get("i");
        assertThat(i.text("outcome")).as("nobody knows whether it ran").isEqualTo("interrupted");
        assertThat(object(i.get("error")).text("type")).isEqualTo("no-answer");
        assertThat(number(i.get("attempts"))).isEqualTo(1);

        JsonObject c = changes.get("c");
        assertThat(c.text("outcome")).isEqualTo("skipped");
        assertThat(number(c.get("attempts"))).isZero();

        JsonObject summary = object(top.get("summary"));
        assertThat(summary.members().keySet()).containsExactlyInAnyOrder("done", "failed", "interrupted", "skipped",
                "attempts");
        assertThat(number(summary.get("done"))).isEqualTo(1);
        assertThat(number(summary.get("failed"))).isEqualTo(2);
        assertThat(number(summary.get("interrupted"))).isEqualTo(1);
        assertThat(number(summary.get("skipped"))).isEqualTo(1);
        assertThat(number(summary.get("attempts"))).isEqualTo(4);
    }

    @Test
    void theDigestIsThatOfTheMessageASensitiveFailureWouldShow() throws Exception {
        lambda.enqueue("secret", Reply.functionError("Unhandled", "AuthError", "bad password hunter2", "log"));
        String shown;
        try {
            engine().invoke(config(InvocationSettings.withId("s").functionName("secret").input("{}")
                    .sensitive(true)), false);
            throw new AssertionError("the call should have failed");
        } catch (io.github.lambdainvocation.apply.ApplyFailedException e) {
            shown = e.getCause().getCause().getMessage();
        }

        JsonObject s = object(((JsonArray) object(Json.parse(Files.readString(report()))).get("changes"))
                .elements().get(0));
        assertThat(object(s.get("error")).text("messageSha256")).isEqualTo(Digests.sha256(shown));
    }

    @Test
    void throttledAttemptsCountAndAnUnchangedRunIsReportedAsDone() throws Exception {
        lambda.enqueue("fn", Reply.apiError(429, "TooManyRequestsException", "Rate exceeded"), Reply.echo());
        List<DesiredInvocation> desired = config(InvocationSettings.withId("a").functionName("fn").input("{}"));

        engine().invoke(desired, false);
        JsonObject first = object(((JsonArray) object(Json.parse(Files.readString(report()))).get("changes"))
                .elements().get(0));
        assertThat(number(first.get("attempts"))).as("the throttled request and the one that ran").isEqualTo(2);

        engine().invoke(desired, false);
        JsonObject again = object(((JsonArray) object(Json.parse(Files.readString(report()))).get("changes"))
                .elements().get(0));
        assertThat(again.text("action")).isEqualTo("no-op");
        assertThat(again.text("outcome")).isEqualTo("done");
        assertThat(number(again.get("attempts"))).isZero();
    }

    @Test
    void destroyReportsItsGoal() throws Exception {
        engine().invoke(config(InvocationSettings.withId("a").functionName("fn").input("{}")), false);

        engine().destroy(List.of("a"), Set.of(), false);

        JsonObject top = object(Json.parse(Files.readString(report())));
        assertThat(top.text("goal")).isEqualTo("destroy");
        JsonObject a = object(((JsonArray) top.get("changes")).elements().get(0));
        assertThat(a.text("action")).isEqualTo("forget");
        assertThat(a.text("outcome")).isEqualTo("done");
    }

    @Test
    void aRunThatIsStoppedWhileACallRunsReportsThatCallInterruptedAndTheRestSkipped() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        lambda.onArrival(request -> {
            if (request.contains("/functions/lost/invocations")) {
                arrived.countDown();
                await(answer);
            }
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                engine().invoke(config(InvocationSettings.withId("i").functionName("lost").input("{}"),
                        InvocationSettings.withId("c").functionName("fn").input("{}").dependsOn("i")), false);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        run.start();
        try {
            await(arrived);
            run.interrupt(); // as Maven does when the build is stopped
            run.join(TimeUnit.SECONDS.toMillis(30));
        } finally {
            answer.countDown();
        }

        assertThat(failure.get()).hasMessageContaining("Interrupted");
        Map<String, String> outcomes = new LinkedHashMap<>();
        ((JsonArray) object(Json.parse(Files.readString(report()))).get("changes")).elements()
                .forEach(c -> outcomes.put(c.text("id"), c.text("outcome")));
        assertThat(outcomes).containsExactly(Map.entry("i", "interrupted"), Map.entry("c", "skipped"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the call arrived").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aRunWithNothingAtAllWritesNothing() {
        engine().invoke(List.of(), false);
        engine().destroy(List.of(), Set.of(), false);

        assertThat(report()).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aConfigurationRefusedUpFrontWritesNothing() {
        assertThatThrownBy(() -> engine().invoke(config(InvocationSettings.withId("a").functionName("fn")
                .input("{}")), true));

        assertThat(report()).doesNotExist();
    }
}
