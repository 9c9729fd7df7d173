package io.github.lambdainvocation.moto;

import io.github.lambdainvocation.testing.Rendered;
import io.github.lambdainvocation.event.Listener;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.engine.RunOutcome;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import io.github.lambdainvocation.state.LockInfo;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.testing.S3Clients;
import io.github.lambdainvocation.state.S3Location;
import io.github.lambdainvocation.state.S3StateStore;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateLockedException;
import io.github.lambdainvocation.state.StateStore;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.MotoServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Eight builds at once on one S3 state and one function, against moto (whose conditional writes are atomic):
 * at most one holds the lock at any moment, no update is lost, and every loser fails or waits naming the holder.
 */
@Tag("moto")
@ExtendWith(MotoServer.class)
class S3StateRaceTest {

    private static final int BUILDS = 8;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    @TempDir
    Path dir;

    private MotoServer moto;
    private LocalLambdaServer lambda;
    private S3Location location;
    private final AtomicInteger holders = new AtomicInteger();
    private final AtomicInteger mostHolders = new AtomicInteger();

    @BeforeEach
    void start(MotoServer moto) throws Exception {
        this.moto = moto;
        lambda = LocalLambdaServer.start().function("fixtures");
        location = new S3Location("race-" + UUID.randomUUID().toString().substring(0, 8), "team/state.json");
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(location.bucket()));
        }
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private S3Client client() {
        return S3Clients.create("us-east-1", moto.endpoint(), CREDENTIALS, List.of());
    }

    /** A build's store, counting how many builds believe they hold the lock at once. */
    private StateStore store(int build, Duration lockTimeout) {
        S3StateStore s3 = new S3StateStore(client(), new S3StateStore.Settings(location, null, null, lockTimeout,
                Duration.ofMillis(50)), new LockInfo(null, "build-" + build + "@race", "invoke", "com.acme:shop",
                "0.1.0", null), io.github.lambdainvocation.event.Listener.NONE, Clock.systemUTC(), true);
        return new StateStore() {
            @Override
            public String location() {
                return s3.location();
            }

            @Override
            public State read() {
                return s3.read();
            }

            @Override
            public boolean exists() {
                return s3.exists();
            }

            @Override
            public void write(State state) {
                s3.write(state);
            }

            @Override
            public Lock lock() {
                Lock lock = s3.lock();
                mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                return () -> {
                    holders.decrementAndGet();
                    lock.close();
                };
            }

            @Override
            public Optional<LockInfo> currentLock() {
                return s3.currentLock();
            }

            @Override
            public void close() {
                s3.close();
            }
        };
    }

    /** Build {@code n} wants both fixtures to carry its own number: every run after the first is an update. */
    private static List<DesiredInvocation> config(int n) {
        List<InvocationSettings> settings = new ArrayList<>();
        for (String id : List.of("users", "orders")) {
            settings.add(InvocationSettings.withId(id).functionName("fixtures").lifecycleScope("CRUD")
                    .input("{\"fixture\": \"" + id + "\", \"writer\": " + n + "}"));
        }
        return new InvocationValidator("us-east-1", Path.of(".")).validate(settings);
    }

    private RunOutcome invoke(int build, Duration lockTimeout) {
        try (StateStore store = store(build, lockTimeout)) {
            return new InvocationEngine(store,
                    () -> Invokers.of(lambda.endpoint(), null, SdkLambdaInvoker.Options.DEFAULT, Console.SILENT),
                    Listener.NONE,
                    Clock.systemUTC(), dir.resolve("out-" + build)).invoke(config(build), false);
        }
    }

    /** Runs {@code task} for every build at the same moment and returns what each returned or threw. */
    private <T> List<Object> race(java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BUILDS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < BUILDS; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return work.call();
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    outcomes.add(f.get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What the function saw, per fixture: a create, then only updates whose prev_input is exactly the input of
     * the invocation before. A lost update would break the chain. Returns the last input of each fixture.
     */
    private Map<String, JsonNode> assertUnbrokenChains() throws Exception {
        Map<String, JsonNode> last = new LinkedHashMap<>();
        for (String payload : lambda.payloads("fixtures")) {
            JsonNode event = io.github.lambdainvocation.testing.Jsons.tree(payload);
            String fixture = event.get("fixture").asText();
            JsonNode tf = event.get("tf");
            JsonNode input = ((com.fasterxml.jackson.databind.node.ObjectNode) event.deepCopy()).without("tf");
            if (!last.containsKey(fixture)) {
                assertThat(tf.get("action").asText()).as(fixture + " starts with a create").isEqualTo("create");
            } else {
                assertThat(tf.get("action").asText()).isEqualTo("update");
                assertThat(tf.get("prev_input")).as(fixture + ": each update follows the one before it")
                        .isEqualTo(last.get(fixture));
            }
            last.put(fixture, input);
        }
        return last;
    }

    private void assertFinalStateMatches(Map<String, JsonNode> lastInputs) {
        try (StateStore store = store(99, Duration.ZERO)) {
            State state = store.read();
            assertThat(state.invocations().keySet()).containsExactlyInAnyOrder("users", "orders");
            for (RecordedInvocation r : state.invocations().values()) {
                assertThat(io.github.lambdainvocation.testing.Jsons.tree(r.spec().input()))
                        .as(r.id() + ": the state holds the last input sent").isEqualTo(lastInputs.get(r.id()));
            }
            assertThat(store.currentLock()).as("no lock is left behind").isEmpty();
        }
    }

    @Test
    void withoutWaitingOneBuildWinsAndTheOthersFailNamingTheHolder() throws Exception {
        lambda.enqueue("fixtures", Reply.slow(Duration.ofMillis(200)), Reply.slow(Duration.ofMillis(200)));

        List<Object> outcomes = race(i -> () -> invoke(i, Duration.ZERO));

        List<RunOutcome> succeeded = new ArrayList<>();
        for (Object o : outcomes) {
            if (o instanceof RunOutcome run) {
                succeeded.add(run);
            } else {
                assertThat(o).isInstanceOf(StateLockedException.class);
                StateLockedException locked = Rendered.rendered((StateLockedException) o);
                assertThat(locked.holder().who()).matches("build-\\d@race");
                assertThat(locked.getMessage()).contains("is locked by " + locked.holder().who())
                        .contains("-Dlambda-invocation.lockId=" + locked.holder().lockId());
            }
        }
        assertThat(succeeded).isNotEmpty();
        assertThat(succeeded).as("eight builds released at once into a lock held for 400 ms: some lose")
                .hasSizeLessThan(BUILDS);
        assertThat(mostHolders).as("at most one build held the lock at any moment").hasValue(1);
        assertThat(lambda.maxConcurrentRequests()).isEqualTo(1);
        assertThat(lambda.payloads("fixtures"))
                .hasSize(succeeded.stream().mapToInt(r -> r.report().calls()).sum());
        assertFinalStateMatches(assertUnbrokenChains());
    }

    @Test
    void waitingBuildsRunOneAfterAnotherAndLoseNothing() throws Exception {
        List<Object> outcomes = race(i -> () -> invoke(i, Duration.ofSeconds(90)));

        assertThat(outcomes).allMatch(o -> o instanceof RunOutcome);
        assertThat(mostHolders).as("at most one build held the lock at any moment").hasValue(1);
        assertThat(lambda.maxConcurrentRequests()).isEqualTo(1);
        // every build changed both fixtures: one create and seven updates each, in one unbroken chain
        assertThat(lambda.payloads("fixtures")).hasSize(2 * BUILDS);
        assertFinalStateMatches(assertUnbrokenChains());
    }

    @Test
    void withTheLockBrokenCompareAndSwapStillLosesNoUpdate() throws Exception {
        ConcurrentLinkedQueue<String> conflicts = new ConcurrentLinkedQueue<>();

        // every build adds its own record to the state, bypassing the lock, retrying on conflicts
        race(i -> () -> {
            try (StateStore store = store(i, Duration.ZERO)) {
                for (int attempt = 0; attempt < 200; attempt++) {
                    State current = store.read();
                    try {
                        store.write(current.with(io.github.lambdainvocation.testing.Records.record("build-" + i, "{\"n\":" + i + "}")));
                        return null;
                    } catch (StateException e) {
                        assertThat(e.getMessage()).contains("was changed by another build since this run read it");
                        conflicts.add(e.getMessage());
                    }
                }
                throw new AssertionError("build " + i + " never got its write in");
            }
        });

        try (StateStore store = store(99, Duration.ZERO)) {
            assertThat(store.read().invocations()).hasSize(BUILDS);
        }
        assertThat(conflicts).as("the builds did collide, and each collision was caught").isNotEmpty();
    }
}
