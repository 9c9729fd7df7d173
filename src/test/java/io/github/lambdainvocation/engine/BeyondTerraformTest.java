package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.mojo.MavenEvents;
import static io.github.lambdainvocation.testing.Jsons.json;
import static io.github.lambdainvocation.testing.Jsons.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import io.github.lambdainvocation.apply.ApplyFailedException;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.testing.RecordingConsole;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependencies, parallel runs, data flow, outputs, replace, EVERY_RUN, code triggers, crash safety. */
class BeyondTerraformTest {

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private LocalStateStore store;
    private final RecordingConsole console = new RecordingConsole();
    private final List<String> log = console.lines();

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn", "slow", "tenants", "seeder");
        store = new LocalStateStore(dir.resolve("state.json"));
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private InvocationEngine engine() {
        return new InvocationEngine(store, () -> Invokers.of(lambda.endpoint(), console), new MavenEvents(console), Clock.systemUTC(),
                dir.resolve("out"));
    }

    private static List<DesiredInvocation> config(InvocationSettings... s) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(s));
    }

    private static InvocationSettings crud(String id, String function, String input) {
        return InvocationSettings.withId(id).functionName(function).lifecycleScope("CRUD").input(input);
    }

    private static InvocationEngine.RunOptions parallel(int n) {
        return new InvocationEngine.RunOptions(false, n, Set.of(), Set.of());
    }

    @Test
    void independentInvocationsRunAtMostParallelismAtOnce() {
        List<InvocationSettings> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lambda.enqueue("slow", Reply.slow(Duration.ofMillis(300)));
            six.add(crud("job-" + i, "slow", "{\"n\": " + i + "}"));
        }

        RunOutcome outcome = engine().invoke(config(six.toArray(InvocationSettings[]::new)), parallel(3));

        assertThat(lambda.maxConcurrentRequests()).isEqualTo(3);
        assertThat(outcome.report().calls()).isEqualTo(6);
        assertThat(store.read().invocations()).hasSize(6);
        assertThat(store.read().pending()).as("every pending record was replaced by its outcome").isEmpty();
    }

    @Test
    void resultsFlowIntoTheInvocationsThatReadThem() {
        lambda.enqueue("tenants", Reply.result("{\"tenant\": {\"id\": 42}}"));

        engine().invoke(config(
                crud("seed", "seeder", "{\"tenant\": \"@{register#/tenant/id}\", \"note\": \"for @{register#/tenant/id}\"}"),
                crud("register", "tenants", "{\"name\": \"acme\"}")), parallel(10));

        assertThat(lambda.requests()).extracting(LocalLambdaServer.Request::function)
                .as("register first: seed reads its result").containsExactly("tenants", "seeder");
        assertThat(tree(lambda.payloads("seeder").get(0)).get("tenant").asInt()).isEqualTo(42);
        assertThat(tree(lambda.payloads("seeder").get(0)).get("note").asText()).isEqualTo("for 42");
        assertThat(store.read().get("seed").orElseThrow().spec().dependsOn()).containsExactly("register");
    }

    @Test
    void aReaderIsInvokedAgainOnlyWhenTheValueItReadsChanged() {
        InvocationSettings warm = InvocationSettings.withId("warm").functionName("tenants").lifecycleScope("EVERY_RUN")
                .input("{}");
        InvocationSettings reader = crud("reader", "seeder", "{\"version\": \"@{warm#/version}\"}");
        lambda.enqueue("tenants", Reply.result("{\"version\": 1}"), Reply.result("{\"version\": 1}"),
                Reply.result("{\"version\": 2}"));

        engine().invoke(config(warm, reader), parallel(10));
        engine().invoke(config(warm, reader), parallel(10));
        engine().invoke(config(warm, reader), parallel(10));

        assertThat(lambda.payloads("tenants")).as("EVERY_RUN: invoked on every run").hasSize(3);
        assertThat(lambda.payloads("seeder")).containsExactly(
                "{\"version\":1,\"tf\":{\"action\":\"create\",\"prev_input\":null}}",
                "{\"version\":2,\"tf\":{\"action\":\"update\",\"prev_input\":{\"version\":1}}}");
        assertThat(log).contains("  reader: unchanged after all: the results it reads did not change");
    }

    @Test
    void afterAFailureRunningInvocationsFinishAndAreRecordedNothingNewStartsAndEveryFailureIsListed() {
        lambda.enqueue("fn", Reply.functionError("Unhandled", "Boom", "first", null));
        lambda.enqueue("slow", Reply.slow(Duration.ofMillis(500)));
        lambda.enqueue("seeder", Reply.functionError("Handled", "Bad", "second", null));

        assertThatThrownBy(() -> engine().invoke(config(
                crud("fails", "fn", "{}"),
                crud("running", "slow", "{}"),
                crud("also-fails", "seeder", "{}"),
                crud("waits", "tenants", "{}").dependsOn("running"),
                crud("later", "tenants", "{\"x\": 1}")), parallel(3)))
                .isInstanceOfSatisfying(ApplyFailedException.class, e -> assertThat(e.getMessage())
                        .startsWith("2 invocations failed:")
                        .contains("- Invocation 'fails' (create) failed. The function fn:$LATEST in us-east-1 failed"
                                + " (Unhandled error): Boom: first")
                        .contains("- Invocation 'also-fails' (create) failed.")
                        .contains("Before the failure: 1 created"))
                .satisfies(e -> {
                    // not a cause: Maven would append a cause's message, telling the first failure twice
                    assertThat(e.getCause()).isNull();
                    assertThat(e.getSuppressed()).hasSize(2);
                });

        assertThat(store.read().invocations().keySet()).as("the running one finished and was recorded")
                .containsExactly("running");
        assertThat(lambda.payloads("tenants")).as("nothing new started after the failure").isEmpty();
        assertThat(store.read().pending()).isEmpty();
    }

    @Test
    void outputsBecomePropertiesAndAFileAndAMissingOneIsAClearError() throws Exception {
        lambda.enqueue("tenants", Reply.result("{\"tenant\": {\"id\": 42, \"name\": \"acme\"}}"));
        InvocationSettings register = crud("register", "tenants", "{}").output("tenantId", "/tenant/id")
                .output("tenant", "/tenant");

        RunOutcome outcome = engine().invoke(config(register), parallel(10));

        assertThat(outcome.results()).containsEntry("lambda-invocation.register.tenantId", "42")
                .containsEntry("lambda-invocation.register.tenant", "{\"id\":42,\"name\":\"acme\"}");
        assertThat(json(Files.readString(dir.resolve("out/outputs/register.json"))))
                .isEqualTo(json("{\"tenantId\": 42, \"tenant\": {\"id\": 42, \"name\": \"acme\"}}"));

        assertThatThrownBy(() -> engine().invoke(config(register.output("zone", "/tenant/zone")), parallel(10)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("invocation 'register': <outputs> its output 'zone' (/tenant/zone) matches"
                        + " nothing in the result of 'register'")
                .hasMessageContaining("The invocations themselves succeeded and are recorded");
        assertThat(lambda.requests()).hasSize(1);
    }

    @Test
    void destroyRemovesTheOutputsFileWithTheResultFile() {
        lambda.enqueue("tenants", Reply.result("{\"tenant\": {\"id\": 42}}"));
        engine().invoke(config(crud("register", "tenants", "{}").output("tenantId", "/tenant/id")), parallel(10));
        assertThat(dir.resolve("out/outputs/register.json")).exists();

        engine().destroy(List.of("register"), Set.of(), false);

        assertThat(dir.resolve("out/results/register.json")).doesNotExist();
        assertThat(dir.resolve("out/outputs/register.json")).doesNotExist();
    }

    @Test
    void replaceInvokesAgainWhatDidNotChange() {
        engine().invoke(config(crud("a", "fn", "{}")), parallel(10));

        engine().invoke(config(crud("a", "fn", "{}")), new InvocationEngine.RunOptions(false, 10, Set.of("a"),
                Set.of()));

        assertThat(lambda.payloads("fn")).extracting(p -> tree(p).get("tf").get("action").asText())
                .containsExactly("create", "delete", "create");
        assertThatThrownBy(() -> engine().invoke(config(crud("a", "fn", "{}")),
                new InvocationEngine.RunOptions(false, 10, Set.of("typo"), Set.of())))
                .hasMessageStartingWith("-Dlambda-invocation.replace names [typo], which is not configured.");
    }

    @Test
    void anAsynchronousInvocationIsRecordedWhenAcceptedWithoutAResult() throws Exception {
        engine().invoke(config(InvocationSettings.withId("notify").functionName("fn").input("{\"to\": \"ops\"}")
                .invocationType("Event")), parallel(10));

        assertThat(lambda.requests().get(0).invocationType()).isEqualTo("Event");
        assertThat(store.read().get("notify").orElseThrow().result()).isNull();
        assertThat(dir.resolve("out/results/notify.json")).doesNotExist();
    }

    @Test
    void aNewCodeVersionReplacesWhenAskedFor() {
        InvocationSettings migrate = crud("migrate", "fn", "{}").triggerOnCodeChange(true);
        lambda.code("fn", "sha-1", "3");
        engine().invoke(config(migrate), parallel(10));
        engine().invoke(config(migrate), parallel(10));
        lambda.code("fn", "sha-2", "4");
        engine().invoke(config(migrate), parallel(10));

        assertThat(lambda.payloads("fn")).extracting(p -> tree(p).get("tf").get("action").asText())
                .containsExactly("create", "delete", "create");
        assertThat(store.read().get("migrate").orElseThrow().spec().code().version()).isEqualTo("4");
    }

    @Test
    void aCallLeftPendingByADeadBuildIsSentAgainLoudly() throws Exception {
        engine().invoke(config(crud("a", "fn", "{\"v\": 1}")), parallel(10));
        State before = store.read();
        // what a build killed during the update leaves: the call recorded as sent, its outcome never
        var then = before.get("a").orElseThrow();
        String payload = "{\"v\":2,\"tf\":{\"action\":\"update\",\"prev_input\":{\"v\":1}}}";
        store.write(before.withPending(new PendingCall("a", then.target(), "update", payload,
                io.github.lambdainvocation.model.InvocationType.RequestResponse, java.time.Instant.now(),
                io.github.lambdainvocation.model.RecordedInvocation.of("a",
                        then.spec().withInput(json("{\"v\": 2}"))))));

        RunOutcome outcome = engine().invoke(config(crud("a", "fn", "{\"v\": 2}")), parallel(10));

        assertThat(log).anyMatch(l -> l.startsWith("WARN INTERRUPTED: an earlier build sent the update call of"
                + " 'a' to fn:$LATEST in us-east-1") && l.contains("It is sent again with the same payload now."));
        assertThat(lambda.payloads("fn")).last().isEqualTo(payload);
        assertThat(lambda.payloads("fn")).as("sent again once, then nothing else to do").hasSize(2);
        assertThat(outcome.report().summary()).contains("1 recovered");
        assertThat(store.read().pending()).isEmpty();
        assertThat(store.read().get("a").orElseThrow().spec().input()).isEqualTo(json("{\"v\": 2}"));
        assertThat(store.read().get("a").orElseThrow().result()).isEqualTo(payload);
    }

    @Test
    void anAcknowledgedInterruptedCallIsRecordedAsDoneWithoutACall() {
        engine().invoke(config(crud("a", "fn", "{\"v\": 1}")), parallel(10));
        State before = store.read();
        var then = before.get("a").orElseThrow();
        store.write(before.withPending(new PendingCall("a", then.target(), "delete", "{}",
                io.github.lambdainvocation.model.InvocationType.RequestResponse, java.time.Instant.now(), null)));

        engine().invoke(config(), new InvocationEngine.RunOptions(false, 10, Set.of(), Set.of("a")));

        assertThat(lambda.requests()).hasSize(1);
        assertThat(store.read().isEmpty()).isTrue();
        assertThatThrownBy(() -> engine().invoke(config(), new InvocationEngine.RunOptions(false, 10, Set.of(),
                Set.of("a")))).hasMessageStartingWith("-Dlambda-invocation.acknowledge names [a], which has no"
                        + " interrupted call.");
    }

    @Test
    void anAcknowledgedUpdateKeepsTheLastKnownResultForItsReaders() {
        lambda.enqueue("fn", Reply.result("{\"id\": 7}"));
        engine().invoke(config(crud("a", "fn", "{\"v\": 1}")), parallel(10));
        State before = store.read();
        var recorded = before.get("a").orElseThrow();
        store.write(before.withPending(new PendingCall("a", recorded.target(), "update", "{}",
                io.github.lambdainvocation.model.InvocationType.RequestResponse, java.time.Instant.now(),
                io.github.lambdainvocation.model.RecordedInvocation.of("a",
                        recorded.spec().withInput(json("{\"v\": 2}"))))));

        RunOutcome outcome = engine().invoke(config(crud("a", "fn", "{\"v\": 2}")),
                new InvocationEngine.RunOptions(false, 10, Set.of(), Set.of("a")));

        assertThat(lambda.requests()).hasSize(1);
        assertThat(store.read().get("a").orElseThrow().spec().input()).isEqualTo(json("{\"v\": 2}"));
        assertThat(outcome.results()).containsEntry("lambda-invocation.a.result", "{\"id\": 7}");
    }

    @Test
    void aCallWithoutAnAnswerStaysPendingSoTheNextRunKnowsItsOutcomeIsUnknown() {
        lambda.enqueue("slow", Reply.slow(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> engine().invoke(config(crud("a", "slow", "{}").timeout("1s")), parallel(10)))
                .hasMessageContaining("No answer from slow:$LATEST in us-east-1 within 1 s")
                .hasMessageContaining("stays recorded as sent with an unknown outcome");

        assertThat(store.read().pending()).containsKey("a");
        assertThat(engine().status(config(crud("a", "slow", "{}"))).changes().get(0).action())
                .isEqualTo(io.github.lambdainvocation.model.Action.INTERRUPTED);
    }

    @Test
    void statusCanVerifyEachPlannedCallWithADryRun() {
        engine().status(config(crud("a", "fn", "{}"), crud("b", "fn", "{}")), true, Set.of());

        assertThat(lambda.requests()).extracting(LocalLambdaServer.Request::reply).containsExactly("dry-run",
                "dry-run");
        assertThat(lambda.events("fn")).as("nothing ran").isEmpty();
        assertThat(log).contains("Verified 2 planned calls with DryRun.");

        assertThatThrownBy(() -> engine().status(config(crud("c", "missing", "{}")), true, Set.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invocation 'c': Lambda has no function missing with qualifier $LATEST");
    }
}
