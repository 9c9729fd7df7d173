package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.mojo.MavenEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.state.LockInfo;
import io.github.lambdainvocation.state.S3Location;
import io.github.lambdainvocation.state.S3StateStore;
import io.github.lambdainvocation.state.StateLockedException;
import io.github.lambdainvocation.state.StateStore;
import io.github.lambdainvocation.testing.RecordingConsole;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals with their state in S3 (s3proxy in the JVM) and the local Lambda endpoint. */
class S3StateEngineTest {

    private static LocalS3 s3;
    private static int buckets;

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private S3Location location;
    private final RecordingConsole console = new RecordingConsole();
    private final List<String> log = console.lines();

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stopS3() {
        s3.stop();
    }

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn");
        String bucket = "engine-" + (++buckets);
        s3.bucket(bucket);
        location = new S3Location(bucket, "team/state.json");
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private S3StateStore s3Store(String who) {
        return new S3StateStore(s3.client(), new S3StateStore.Settings(location, null, null, Duration.ZERO,
                Duration.ofMillis(20)), new LockInfo(null, who, "invoke", "com.acme:shop", "0.1.0", null), new io.github.lambdainvocation.mojo.MavenEvents(console),
                Clock.systemUTC(), true);
    }

    private InvocationEngine engine(StateStore store) {
        return new InvocationEngine(store, () -> Invokers.of(lambda.endpoint(), console), new MavenEvents(console), Clock.systemUTC(),
                dir.resolve("out"));
    }

    private static List<DesiredInvocation> crud(String input) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(
                InvocationSettings.withId("tenant").functionName("fn").lifecycleScope("CRUD").input(input)));
    }

    @Test
    void theWholeCrudLifecycleWithTheStateInS3() throws Exception {
        try (S3StateStore store = s3Store("ci@a")) {
            engine(store).invoke(crud("{\"plan\":\"basic\"}"), false);
        }
        try (S3StateStore store = s3Store("ci@b")) {
            assertThat(engine(store).invoke(crud("{\"plan\":\"basic\"}"), false).report().calls()).isZero();
        }
        try (S3StateStore store = s3Store("ci@c")) {
            engine(store).invoke(crud("{\"plan\":\"gold\"}"), false);
        }
        try (S3StateStore store = s3Store("ci@d")) {
            engine(store).destroy(List.of("tenant"), Set.of(), false);
            assertThat(store.read().isEmpty()).isTrue();
            assertThat(store.currentLock()).as("every run released its lock").isEmpty();
        }
        assertThat(lambda.payloads("fn")).containsExactly(
                "{\"plan\":\"basic\",\"tf\":{\"action\":\"create\",\"prev_input\":null}}",
                "{\"plan\":\"gold\",\"tf\":{\"action\":\"update\",\"prev_input\":{\"plan\":\"basic\"}}}",
                "{\"plan\":\"gold\",\"tf\":{\"action\":\"delete\",\"prev_input\":{\"plan\":\"gold\"}}}");
    }

    @Test
    void aLockedStateStopsInvokeBeforeAnyCallAndStatusSaysWhoHoldsIt() throws Exception {
        try (S3StateStore holder = s3Store("alice@laptop"); S3StateStore other = s3Store("ci@runner")) {
            StateStore.Lock lock = holder.lock();

            assertThatThrownBy(() -> engine(other).invoke(crud("{}"), false))
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("is locked by alice@laptop");
            assertThat(lambda.requests()).isEmpty();

            engine(other).status(crud("{}"));
            assertThat(log).anyMatch(l -> l.startsWith("WARN The state " + location + " is locked by alice@laptop")
                    && l.endsWith("A run of invoke or destroy now would fail or wait for it."));
            assertThat(holder.currentLock()).as("status takes no lock and leaves the holder's").isPresent();
            lock.close();
        }
    }

    @Test
    void importStateMovesALocalStateToS3OnceAndBack() throws Exception {
        LocalStateStore local = new LocalStateStore(dir.resolve("state.json"));
        engine(local).invoke(crud("{\"plan\":\"basic\"}"), false);
        byte[] localBytes = Files.readAllBytes(local.file());

        try (S3StateStore store = s3Store("me@desk")) {
            engine(store).importState(local);
            assertThat(store.read()).isEqualTo(local.read());

            assertThatThrownBy(() -> engine(store).importState(local))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("A state already exists at " + location + "; importing would overwrite"
                            + " it, so nothing was copied.");
        }
        assertThat(Files.readAllBytes(local.file())).as("the source is left as it was").isEqualTo(localBytes);

        try (S3StateStore store = s3Store("ci@runner")) {
            assertThat(engine(store).invoke(crud("{\"plan\":\"basic\"}"), false).report().calls())
                    .as("the imported state is the one S3 builds now use").isZero();
        }

        LocalStateStore back = new LocalStateStore(dir.resolve("back/state.json"));
        try (S3StateStore store = s3Store("me@desk")) {
            engine(back).importState(store);
            assertThat(back.read()).isEqualTo(store.read());
        }
        assertThat(lambda.requests()).hasSize(1);
    }

    @Test
    void importingFromAMistypedBucketSaysTheBucketIsMissing() {
        S3StateStore wrongBucket = new S3StateStore(s3.client(), new S3StateStore.Settings(
                new S3Location("no-such-bucket", "team/state.json"), null, null, Duration.ZERO, Duration.ofMillis(20)),
                new LockInfo(null, "me", "import-state", "g:a", "0.1.0", null), new io.github.lambdainvocation.mojo.MavenEvents(console), Clock.systemUTC(), true);
        try (wrongBucket) {
            assertThatThrownBy(() -> engine(new LocalStateStore(dir.resolve("state.json"))).importState(wrongBucket))
                    .hasMessageStartingWith("The bucket 'no-such-bucket' of the state s3://no-such-bucket/team/state.json"
                            + " does not exist.");
        }
    }

    @Test
    void anInvokeRunCostsFourS3RequestsPlusOnePerInvocationAtMost() {
        io.github.lambdainvocation.testing.RecordingInterceptor wire =
                new io.github.lambdainvocation.testing.RecordingInterceptor();
        java.util.function.Function<Integer, RunOutcome> run = version -> {
            try (S3StateStore store = new S3StateStore(s3.client(wire), new S3StateStore.Settings(location, null,
                    null, Duration.ZERO, Duration.ofMillis(20)), new LockInfo(null, "ci", "invoke", "g:a", "0", null),
                    new io.github.lambdainvocation.mojo.MavenEvents(console), Clock.systemUTC(), true)) {
                return engine(store).invoke(new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(
                        InvocationSettings.withId("a").functionName("fn").input("{\"v\": " + version + "}"),
                        InvocationSettings.withId("b").functionName("fn").input("{\"v\": " + version + "}"),
                        InvocationSettings.withId("c").functionName("fn").input("{\"v\": " + version + "}"))),
                        new InvocationEngine.RunOptions(false, version % 2 == 0 ? 1 : 10, Set.of(), Set.of()));
            }
        };

        for (int version = 1; version <= 4; version++) {
            wire.clear();
            int calls = run.apply(version).report().calls();
            assertThat(calls).isEqualTo(3);
            assertThat(wire.requests()).as("run " + version + ": " + wire.summary()).hasSizeLessThanOrEqualTo(4 + calls);
        }
        wire.clear();
        assertThat(run.apply(4).report().calls()).isZero();
        assertThat(wire.summary()).containsExactly("PUT " + location.lockKey(), "GET " + location.key(),
                "DELETE " + location.lockKey());
    }

    @Test
    void importingNothingIsRefused() {
        try (S3StateStore store = s3Store("me@desk")) {
            assertThatThrownBy(() -> engine(new LocalStateStore(dir.resolve("state.json"))).importState(store))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("There is no state at " + location + " to import.");
        }
    }

    /** The copy-pasted stateS3Uri: a second service's invoke must not delete the first one's invocation. */
    @Test
    void aSecondServiceOnTheSameS3StateIsRefusedAndDeletesNothing() throws Exception {
        try (S3StateStore store = s3Store("ci@orders")) {
            new InvocationEngine(store, () -> Invokers.of(lambda.endpoint(), console), new MavenEvents(console),
                    Clock.systemUTC(), dir.resolve("orders"), StateOwner.of("com.acme:orders"))
                    .invoke(crud("{}"), false);
        }
        int sent = lambda.requests().size();
        List<DesiredInvocation> billing = new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(
                InvocationSettings.withId("invoice-seed").functionName("fn").lifecycleScope("CRUD").input("{}")));

        try (S3StateStore store = s3Store("ci@billing")) {
            assertThatThrownBy(() -> new InvocationEngine(store, () -> Invokers.of(lambda.endpoint(), console),
                    new MavenEvents(console), Clock.systemUTC(), dir.resolve("billing"),
                    StateOwner.of("com.acme:billing")).invoke(billing, false))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("The state " + location + " belongs to com.acme:orders, and this project is"
                            + " com.acme:billing")
                    .hasMessageContaining("<stateS3Uri>s3://<bucket>/${project.groupId}/${project.artifactId}"
                            + "/state.json</stateS3Uri>");
            assertThat(store.currentLock()).as("the refused run released its lock").isEmpty();
            assertThat(store.read().invocations().keySet()).containsExactly("tenant");
        }
        assertThat(lambda.requests()).as("no delete of the first service's invocation").hasSize(sent);
    }

    private software.amazon.awssdk.core.ResponseBytes<software.amazon.awssdk.services.s3.model.GetObjectResponse>
            stateObject() {
        return s3.client().getObjectAsBytes(r -> r.bucket(location.bucket()).key(location.key()));
    }

    private void applySavedPlan(Path planFile, List<DesiredInvocation> desired) {
        try (S3StateStore store = s3Store("ci@apply")) {
            engine(store).invoke(desired, InvocationEngine.RunOptions.plain(false),
                    SavedPlan.read(planFile, SavedPlanTest.VERSION));
        }
    }

    @Test
    void aSavedPlanRecordsTheETagItReadAndIsAppliedUnderTheLock() throws Exception {
        Path planFile = dir.resolve("tfplan.json");
        try (S3StateStore store = s3Store("ci@a")) {
            engine(store).invoke(crud("{\"plan\":\"basic\"}"), false);
        }
        try (S3StateStore store = s3Store("ci@plan")) {
            engine(store).status(crud("{\"plan\":\"gold\"}"), false, Set.of(), planFile, SavedPlanTest.VERSION);
        }
        var plan = (io.github.lambdainvocation.json.JsonValue.JsonObject) io.github.lambdainvocation.json.Json
                .parse(Files.readString(planFile));
        var saved = plan.get("state");
        assertThat(saved.text("version")).isEqualTo(stateObject().response().eTag());
        assertThat(saved.text("location")).isEqualTo(location.toString());
        List<Boolean> lockedDuringCall = new java.util.concurrent.CopyOnWriteArrayList<>();
        lambda.onArrival(request -> {
            if (request.contains("/invocations")) {
                try (S3StateStore look = s3Store("ci@look")) {
                    lockedDuringCall.add(look.currentLock().isPresent());
                }
            }
        });

        applySavedPlan(planFile, crud("{\"plan\":\"gold\"}"));

        assertThat(lambda.payloads("fn")).containsExactly(
                "{\"plan\":\"basic\",\"tf\":{\"action\":\"create\",\"prev_input\":null}}",
                "{\"plan\":\"gold\",\"tf\":{\"action\":\"update\",\"prev_input\":{\"plan\":\"basic\"}}}");
        assertThat(lockedDuringCall).as("the state was locked while the plan was applied").containsExactly(true);
        try (S3StateStore store = s3Store("ci@check")) {
            assertThat(store.currentLock()).as("the lock was released").isEmpty();
        }
    }

    @Test
    void aSavedPlanIsRefusedWhenTheS3StateWasWrittenSinceAndTheObjectStaysAsItIs() throws Exception {
        Path planFile = dir.resolve("tfplan.json");
        try (S3StateStore store = s3Store("ci@plan")) {
            engine(store).status(crud("{}"), false, Set.of(), planFile, SavedPlanTest.VERSION);
        }
        try (S3StateStore store = s3Store("ci@other")) {
            engine(store).invoke(crud("{}"), false);
        }
        var before = stateObject();

        assertThatThrownBy(() -> applySavedPlan(planFile, crud("{}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("was made from another version of the state: " + location + " has changed since"
                        + " (version then: none, now: " + before.response().eTag() + ")");

        assertThat(lambda.payloads("fn")).hasSize(1);
        var after = stateObject();
        assertThat(after.response().eTag()).isEqualTo(before.response().eTag());
        assertThat(after.asByteArray()).isEqualTo(before.asByteArray());
        try (S3StateStore store = s3Store("ci@check")) {
            assertThat(store.currentLock()).as("the refused run released its lock").isEmpty();
        }
    }
}
