package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.mojo.MavenEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import io.github.lambdainvocation.apply.ApplyFailedException;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.lambda.LambdaInvoker;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateStore;
import io.github.lambdainvocation.testing.RecordingConsole;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvocationEngineTest {

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private LocalStateStore store;
    private final RecordingConsole console = new RecordingConsole();
    private final List<String> log = console.lines();
    private final AtomicInteger invokersBuilt = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn", "other");
        store = new LocalStateStore(dir.resolve("state.json"));
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private InvocationEngine engine(StateStore stateStore) {
        Supplier<LambdaInvoker> invokers = () -> {
            invokersBuilt.incrementAndGet();
            return Invokers.of(lambda.endpoint(), null, Invokers.FAST, console);
        };
        return new InvocationEngine(stateStore, invokers, new MavenEvents(console),
                Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC), dir.resolve("out"));
    }

    private InvocationEngine engine() {
        return engine(store);
    }

    private static List<DesiredInvocation> config(InvocationSettings... settings) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(settings));
    }

    private static InvocationSettings crud(String id, String input) {
        return InvocationSettings.withId(id).functionName("fn").lifecycleScope("CRUD").input(input);
    }

    @Test
    void aRunWithNothingToDoBuildsNoClientAndLeavesTheStateFileAlone() throws Exception {
        engine().invoke(config(crud("a", "{\"v\":1}")), false);
        byte[] before = Files.readAllBytes(store.file());
        Object inode = Files.getAttribute(store.file(), "unix:ino");
        invokersBuilt.set(0);

        RunOutcome outcome = engine().invoke(config(crud("a", "{ \"v\" : 1 }")), false);

        assertThat(invokersBuilt).hasValue(0);
        assertThat(outcome.report().calls()).isZero();
        assertThat(Files.readAllBytes(store.file())).isEqualTo(before);
        assertThat(Files.getAttribute(store.file(), "unix:ino")).isEqualTo(inode);
        assertThat(outcome.results()).containsEntry("lambda-invocation.a.result",
                "{\"v\":1,\"tf\":{\"action\":\"create\",\"prev_input\":null}}");
        assertThat(log).contains("Applied: 0 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten, 1 unchanged"
                + " (0 Lambda invocations).");
    }

    @Test
    void resultsAreKeptInTheStateAndWrittenOnEveryRun() throws Exception {
        lambda.enqueue("fn", Reply.result("{\"status\":\"seeded\",\"rows\":42}"));
        engine().invoke(config(crud("seed", "{}")), false);
        Path resultFile = dir.resolve("out/results/seed.json");
        Files.delete(resultFile);

        RunOutcome again = engine().invoke(config(crud("seed", "{}")), false);

        assertThat(store.read().get("seed").orElseThrow().result()).isEqualTo("{\"status\":\"seeded\",\"rows\":42}");
        assertThat(Files.readString(resultFile)).isEqualTo("{\"status\":\"seeded\",\"rows\":42}");
        assertThat(again.results()).containsEntry("lambda-invocation.seed.result", "{\"status\":\"seeded\",\"rows\":42}");
        assertThat(lambda.requests()).hasSize(1);
    }

    @Test
    void aFunctionErrorLeavesThatInvocationUnrecordedAndKeepsEarlierSuccesses() throws Exception {
        lambda.enqueue("other", Reply.functionError("Unhandled", "RuntimeError", "db down", "connecting...\nfailed"));
        List<DesiredInvocation> wanted = config(crud("first", "{\"n\":1}"),
                crud("second", "{\"n\":2}").functionName("other"),
                crud("third", "{\"n\":3}"));

        assertThatThrownBy(() -> engine().invoke(wanted, false))
                .isInstanceOfSatisfying(ApplyFailedException.class, e -> {
                    assertThat(e.userFixable()).isTrue();
                    assertThat(e.getMessage())
                            .startsWith("Invocation 'second' (create) failed. The function"
                                    + " other:$LATEST in us-east-1 failed (Unhandled error): RuntimeError: db down")
                            .contains("  | connecting...", "  | failed")
                            .contains("The state of 'second' was not changed; the next run tries it again.")
                            .contains("Before the failure: 1 created");
                });
        assertThat(store.read().invocations().keySet()).containsExactly("first");
        assertThat(lambda.payloads("fn")).as("third was not attempted").hasSize(1);
        assertThat(dir.resolve("out/results/first.json")).as("what succeeded is published").exists();
        assertThat(dir.resolve("out/results/second.json")).doesNotExist();

        engine().invoke(wanted, false);

        assertThat(store.read().invocations().keySet()).containsExactly("first", "second", "third");
        assertThat(lambda.payloads("other")).hasSize(2).allMatch(p -> p.contains("\"n\":2"));
        assertThat(lambda.payloads("fn")).hasSize(2);
    }

    @Test
    void aFailedCrudUpdateDoesNotRecordTheNewInput() throws Exception {
        engine().invoke(config(crud("a", "{\"v\":1}")), false);
        lambda.enqueue("fn", Reply.functionError("Handled", "ValidationError", "bad v", null));

        assertThatThrownBy(() -> engine().invoke(config(crud("a", "{\"v\":2}")), false))
                .isInstanceOf(ApplyFailedException.class);
        assertThat(store.read().get("a").orElseThrow().spec().input()).isEqualTo(Json.parse("{\"v\":1}"));

        engine().invoke(config(crud("a", "{\"v\":2}")), false);
        assertThat(lambda.payloads("fn")).last().asString().contains("\"action\":\"update\"")
                .contains("\"prev_input\":{\"v\":1}");
    }

    @Test
    void aReplacementWhoseCreateFailsKeepsTheDeleteRecorded() throws Exception {
        engine().invoke(config(crud("a", "{\"v\":1}")), false);
        for (int i = 0; i < Invokers.FAST.retry().maxAttempts(); i++) {
            lambda.enqueue("other", Reply.apiError(429, "TooManyRequestsException", "slow down"));
        }

        assertThatThrownBy(() -> engine().invoke(config(crud("a", "{\"v\":1}").functionName("other")), false))
                .hasMessageStartingWith("Invocation 'a' (replace: its create call) failed. Lambda throttled every")
                .hasMessageContaining("The delete to the old target succeeded and is recorded");
        assertThat(store.read().isEmpty()).isTrue();

        engine().invoke(config(crud("a", "{\"v\":1}").functionName("other")), false);
        assertThat(lambda.payloads("fn")).hasSize(2).last().asString().contains("\"action\":\"delete\"");
        assertThat(lambda.payloads("other")).singleElement().asString().contains("\"action\":\"create\"");
    }

    @Test
    void anOversizedPayloadIsRefusedBeforeAnythingIsInvoked() throws Exception {
        String fourMegabytes = "{\"blob\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";
        engine().invoke(config(crud("big", fourMegabytes)), false);
        byte[] before = Files.readAllBytes(store.file());
        int requests = lambda.requests().size();

        // the update carries the new input and prev_input: 8 MB, over the limit though neither input is
        List<DesiredInvocation> wanted = config(crud("new", "{}"), crud("big", fourMegabytes.replace("x\"", "y\"")));
        assertThatThrownBy(() -> engine().invoke(wanted, false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invocation 'big': <input> makes the update payload 8388")
                .hasMessageContaining("bytes, over Lambda's limit of 6291456 bytes (6 MB) for a synchronous invocation")
                .hasMessageEndingWith("Nothing was invoked and the state was not changed.");

        assertThat(lambda.requests()).as("not even 'new', which comes first").hasSize(requests);
        assertThat(Files.readAllBytes(store.file())).isEqualTo(before);
    }

    @Test
    void offlineFailsOnlyWhenThereIsSomethingToInvoke() throws Exception {
        assertThatThrownBy(() -> engine().invoke(config(crud("a", "{}")), true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Maven is offline (-o), and this run has 1 Lambda invocation to make.");
        assertThat(lambda.requests()).isEmpty();
        assertThat(Files.exists(store.file())).isFalse();

        engine().invoke(config(crud("a", "{}")), false);
        engine().invoke(config(crud("a", "{}")), true);
        assertThat(lambda.requests()).hasSize(1);
    }

    @Test
    void aCorruptStateIsNeverOverwritten() throws Exception {
        Files.writeString(store.file(), "{\"formatVersion\": 1, \"invocations\": ");

        assertThatThrownBy(() -> engine().invoke(config(crud("a", "{}")), false))
                .isInstanceOf(StateException.class);
        assertThat(Files.readString(store.file())).isEqualTo("{\"formatVersion\": 1, \"invocations\": ");
        assertThat(lambda.requests()).isEmpty();
    }

    /** A store whose writes fail from the {@code failFrom}-th on. */
    private static StateStore failingStore(int failFrom) {
        AtomicInteger writes = new AtomicInteger();
        return new StateStore() {
            private State state = State.empty();

            @Override
            public String location() {
                return "flaky store";
            }

            @Override
            public State read() {
                return state;
            }

            @Override
            public boolean exists() {
                return false;
            }

            @Override
            public void write(State next) {
                if (writes.incrementAndGet() >= failFrom) {
                    throw new StateException("The state flaky store could not be written: disk full", false);
                }
                state = next;
            }

            @Override
            public Lock lock() {
                return () -> {};
            }
        };
    }

    @Test
    void ifTheStateCannotBeWrittenBeforeACallNothingIsInvoked() {
        assertThatThrownBy(() -> engine(failingStore(1)).invoke(config(crud("a", "{}")), false))
                .isInstanceOfSatisfying(ApplyFailedException.class, e -> assertThat(e.userFixable()).isFalse())
                .hasMessageContaining("could not be written while recording that 'a' is being invoked");
        assertThat(lambda.requests()).isEmpty();
    }

    @Test
    void ifTheStateCannotBeWrittenAfterAnInvocationTheBuildSaysItRan() {
        assertThatThrownBy(() -> engine(failingStore(2)).invoke(config(crud("a", "{}")), false))
                .isInstanceOfSatisfying(ApplyFailedException.class, e -> assertThat(e.userFixable()).isFalse())
                .hasMessageContaining("could not be written while recording what was done")
                .hasMessageContaining("Invocations that succeeded since the last write are not recorded");
        assertThat(lambda.requests()).hasSize(1);
    }

    @Test
    void destroyDeletesCrudForgetsCreateOnlyAndRemovesResults() throws Exception {
        List<DesiredInvocation> wanted = config(crud("a", "{\"v\":1}"),
                InvocationSettings.withId("b").functionName("other").input("{\"v\":2}"));
        engine().invoke(wanted, false);
        assertThat(dir.resolve("out/results/a.json")).exists();

        RunOutcome outcome = engine().destroy(List.of("a", "b"), Set.of(), false);

        assertThat(outcome.report().calls()).isEqualTo(1);
        assertThat(lambda.payloads("fn")).last().asString()
                .isEqualTo("{\"v\":1,\"tf\":{\"action\":\"delete\",\"prev_input\":{\"v\":1}}}");
        assertThat(lambda.payloads("other")).hasSize(1);
        assertThat(store.read().isEmpty()).isTrue();
        assertThat(dir.resolve("out/results/a.json")).doesNotExist();
        assertThat(dir.resolve("out/results/b.json")).doesNotExist();
    }

    @Test
    void destroyOfSomeIdsLeavesTheOthersAndRefusesUnknownIds() throws Exception {
        engine().invoke(config(crud("a", "{}"), crud("b", "{}")), false);

        assertThatThrownBy(() -> engine().destroy(List.of("a", "b"), Set.of("a", "typo"), false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("-Dlambda-invocation.ids names [typo], which is neither configured nor"
                        + " recorded. Recorded ids: [a, b]");
        assertThat(store.read().invocations().keySet()).containsExactly("a", "b");

        engine().destroy(List.of("a", "b", "c"), Set.of("b", "c"), false);
        assertThat(store.read().invocations().keySet()).containsExactly("a");
        assertThat(log).contains("'c' is not recorded in the state: nothing to destroy.");
    }

    @Test
    void logsOfSuccessfulCallsArePrintedWhenAskedForExceptForSensitiveInvocations() throws Exception {
        lambda.enqueue("fn", Reply.echoLogging("seeded 42 rows"), Reply.echoLogging("token is hunter2"));
        InvocationEngine printing = new InvocationEngine(store,
                () -> Invokers.of(lambda.endpoint(), null, Invokers.FAST, console), new MavenEvents(console, true),
                Clock.systemUTC(), dir.resolve("out"));

        printing.invoke(config(crud("plain", "{}"), crud("secret", "{\"pw\":\"hunter2\"}").sensitive(true)), false);

        assertThat(log).anyMatch(l -> l.startsWith("  plain: log tail:") && l.contains("  | seeded 42 rows"));
        assertThat(String.join("\n", log)).doesNotContain("hunter2");
        assertThat(Files.readString(dir.resolve("out/results/secret.json"))).as("the result is still published")
                .contains("hunter2");
        assertThat(store.read().get("secret").orElseThrow().spec().sensitive()).isTrue();
    }

    @Test
    void aSensitiveInvocationsStatusShowsADigestOfItsInput() throws Exception {
        engine().status(config(crud("secret", "{\"pw\":\"hunter2\"}").sensitive(true), crud("plain", "{\"a\":1}")));

        String status = Files.readString(dir.resolve("out/status.json"));
        assertThat(status).doesNotContain("hunter2")
                .contains("\"inputSha256\" : \"" + io.github.lambdainvocation.model.Digests.sha256("{\"pw\":\"hunter2\"}")
                        + "\"")
                .contains("\"input\" : {\n      \"a\" : 1\n    }");
    }

    @Test
    void markingAnInvocationSensitiveOnlyChangesTheState() throws Exception {
        engine().invoke(config(crud("a", "{}")), false);
        int calls = lambda.requests().size();

        RunOutcome outcome = engine().invoke(config(crud("a", "{}").sensitive(true)), false);

        assertThat(outcome.plan().changes().get(0).reasons()).containsExactly("sensitive");
        assertThat(lambda.requests()).hasSize(calls);
        assertThat(store.read().get("a").orElseThrow().spec().sensitive()).isTrue();
    }

    @Test
    void statusInvokesNothingChangesNothingAndWritesThePlan() throws Exception {
        engine().invoke(config(crud("a", "{\"v\":1}"), crud("gone", "{}")), false);
        byte[] state = Files.readAllBytes(store.file());
        int requests = lambda.requests().size();
        invokersBuilt.set(0);

        engine().status(config(crud("a", "{\"v\":2}"), crud("new", "{}")));

        assertThat(invokersBuilt).hasValue(0);
        assertThat(lambda.requests()).hasSize(requests);
        assertThat(Files.readAllBytes(store.file())).isEqualTo(state);
        var status = io.github.lambdainvocation.testing.Jsons.tree(Files.readString(dir.resolve("out/status.json")));
        assertThat(status.get("invocations").toString()).isEqualTo("[{\"id\":\"gone\",\"action\":\"delete\","
                + "\"reasons\":[\"removed\"],\"calls\":[{\"event\":\"delete\",\"functionName\":\"fn\",\"qualifier\":"
                + "\"$LATEST\",\"region\":\"us-east-1\"}]},{\"id\":\"a\",\"action\":\"update\",\"input\":{\"v\":2},\"reasons\":[\"input\"],"
                + "\"calls\":[{\"event\":\"update\",\"functionName\":\"fn\",\"qualifier\":\"$LATEST\",\"region\":"
                + "\"us-east-1\"}]},{\"id\":\"new\",\"action\":\"create\",\"input\":{},\"reasons\":[\"new\"],\"calls\":[{\"event\":"
                + "\"create\",\"functionName\":\"fn\",\"qualifier\":\"$LATEST\",\"region\":\"us-east-1\"}]}]");
        assertThat(log).contains("Plan: 1 to create, 1 to update, 0 to replace, 1 to delete, 0 to forget,"
                + " 0 unchanged; 3 Lambda invocations.");
    }
}
