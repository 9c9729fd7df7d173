package io.github.lambdainvocation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.aws.AwsClients;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.event.Progress;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.mojo.MavenEvents;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.state.LockInfo;
import io.github.lambdainvocation.state.S3Location;
import io.github.lambdainvocation.state.S3StateStore;
import io.github.lambdainvocation.state.StateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalS3;
import io.github.lambdainvocation.testing.RecordingConsole;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long calls and waits tell that they still run. The first delay and the period are made small; the slow function
 * answers only once the lines it waits for were told, so nothing here depends on how fast the machine is.
 */
class ProgressLinesTest {

    /** How long a test waits for lines before it gives up (a hang, not a measurement). */
    private static final long GIVE_UP_SECONDS = 30;

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private Progress progress;
    private final Ticking events = new Ticking();

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn", "slow", "slower");
        progress = new Progress(Duration.ofMillis(20), Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        progress.close();
        lambda.stop();
    }

    /** Keeps the events, and gives the progress of this test. */
    private final class Ticking implements Listener {
        final List<Event> seen = new ArrayList<>();

        @Override
        public synchronized void on(Event event) {
            seen.add(event);
            notifyAll();
        }

        @Override
        public Progress progress() {
            return progress;
        }

        synchronized <E extends Event> List<E> all(Class<E> type) {
            return seen.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** Waits until {@code done} holds for the events so far. */
        synchronized void await(Predicate<Ticking> done) {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
            while (!done.test(this)) {
                long left = giveUp - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the progress lines did not come: " + seen);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }

        synchronized long linesOf(String id) {
            return all(Event.CallStillRunning.class).stream().filter(l -> l.id().equals(id)).count();
        }
    }

    private InvocationEngine engine() {
        return new InvocationEngine(new LocalStateStore(dir.resolve("state.json")),
                () -> Invokers.of(lambda.endpoint(), new RecordingConsole()), events, Clock.systemUTC(),
                dir.resolve("out"));
    }

    private static List<DesiredInvocation> config(InvocationSettings... s) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(s));
    }

    /** The slow functions answer once {@code id} told it still runs {@code lines} times. */
    private void slowUntil(int lines) {
        lambda.onArrival(request -> {
            for (String function : List.of("slower", "slow")) {
                if (request.contains("/functions/" + function + "/invocations")) {
                    String id = function.equals("slow") ? "a" : "b";
                    events.await(t -> t.linesOf(id) >= lines);
                    return;
                }
            }
        });
    }

    private static void assertIncreasing(List<Duration> elapsed) {
        for (int i = 1; i < elapsed.size(); i++) {
            assertThat(elapsed.get(i)).as("elapsed of line %d", i).isGreaterThan(elapsed.get(i - 1));
        }
    }

    @Test
    void aSlowCallTellsItStillRunsWithItsIdFunctionAndTimeoutUntilItEnds() throws Exception {
        slowUntil(3);

        engine().invoke(config(InvocationSettings.withId("a").functionName("slow").input("{}").timeout("15m")),
                false);

        List<Event.CallStillRunning> lines = events.all(Event.CallStillRunning.class);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3).allSatisfy(line -> {
            assertThat(line.id()).isEqualTo("a");
            assertThat(line.target()).isEqualTo(new Target("slow", "$LATEST", "us-east-1"));
            assertThat(line.limit()).isEqualTo(Duration.ofMinutes(15));
        });
        assertIncreasing(lines.stream().map(Event.CallStillRunning::elapsed).toList());
        int afterCall = lines.size();
        Thread.sleep(20 * 10); // ten periods: a ticker left running would tell again
        assertThat(events.all(Event.CallStillRunning.class)).as("no line once the call ended").hasSize(afterCall);
        List<String> order = events.seen.stream().map(e -> e.getClass().getSimpleName())
                .filter(n -> n.equals("CallStillRunning") || n.equals("CallDone")).toList();
        assertThat(order.get(order.size() - 1)).as("the last line comes before the call is done").isEqualTo("CallDone");
    }

    @Test
    void parallelCallsEachTellTheirOwnLines() {
        slowUntil(2);

        engine().invoke(config(InvocationSettings.withId("a").functionName("slow").input("{}"),
                InvocationSettings.withId("b").functionName("slower").input("{}").timeout("2m")),
                new InvocationEngine.RunOptions(false, 2, Set.of(), Set.of()));

        List<Event.CallStillRunning> lines = events.all(Event.CallStillRunning.class);
        for (String id : List.of("a", "b")) {
            List<Event.CallStillRunning> own = lines.stream().filter(l -> l.id().equals(id)).toList();
            assertThat(own).hasSizeGreaterThanOrEqualTo(2).allSatisfy(l -> assertThat(l.target().functionName())
                    .isEqualTo(id.equals("a") ? "slow" : "slower"));
            assertIncreasing(own.stream().map(Event.CallStillRunning::elapsed).toList());
        }
        assertThat(lines).filteredOn(l -> l.id().equals("b")).allSatisfy(l -> assertThat(l.limit())
                .isEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void aCallThatEndsBeforeTheFirstDelayTellsNothingEvenLater() throws Exception {
        engine().invoke(config(InvocationSettings.withId("warm").functionName("fn").input("{}")), false);
        progress.close();
        progress = new Progress(Duration.ofSeconds(1), Duration.ofMillis(20));

        engine().invoke(config(InvocationSettings.withId("quick").functionName("fn").input("{}")), false);
        Thread.sleep(1500); // past the first delay: a ticker still scheduled would tell now

        assertThat(events.all(Event.CallStillRunning.class)).filteredOn(l -> l.id().equals("quick")).isEmpty();
    }

    @Test
    void waitingForAFunctionTellsItStillWaitsWithItsBound() throws Exception {
        lambda.states("fn", "Pending/InProgress", "Pending/InProgress", "Active/Successful");
        int[] looks = {0};
        lambda.onArrival(request -> {
            if (request.startsWith("GET") && ++looks[0] == 2) {
                events.await(t -> t.all(Event.StillWaitingForFunction.class).size() >= 2);
            }
        });
        SdkLambdaInvoker.Options options = new SdkLambdaInvoker.Options(Invokers.FAST.retry(), true,
                Duration.ofMinutes(4), Duration.ofMillis(20));
        try (SdkLambdaInvoker invoker = new SdkLambdaInvoker(AwsClients.forEndpoint(
                java.net.URI.create(lambda.endpoint()), null, events), options, events, true)) {
            invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), "{}".getBytes());
        }
        int told = events.all(Event.StillWaitingForFunction.class).size();
        Thread.sleep(20 * 10); // ten periods: a ticker left running would tell again

        List<Event.StillWaitingForFunction> lines = events.all(Event.StillWaitingForFunction.class);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2).allSatisfy(l -> {
            assertThat(l.target().functionName()).isEqualTo("fn");
            assertThat(l.limit()).isEqualTo(Duration.ofMinutes(4));
        });
        assertIncreasing(lines.stream().map(Event.StillWaitingForFunction::elapsed).toList());
        assertThat(lines).as("no line once the function was ready").hasSize(told);
    }

    @Test
    void waitingForTheLockTellsItStillWaitsUntilTheLockIsTaken() throws Exception {
        try (LocalS3 s3 = LocalS3.start()) {
            s3.bucket("state");
            S3Location location = new S3Location("state", "app/state.json");
            try (S3StateStore holder = s3Store(s3, location, "alice@laptop", Listener.NONE);
                    S3StateStore waiter = s3Store(s3, location, "ci@runner", events)) {
                StateStore.Lock held = holder.lock();
                CompletableFuture<StateStore.Lock> waiting = CompletableFuture.supplyAsync(waiter::lock);
                events.await(t -> t.all(Event.StillWaitingForLock.class).size() >= 2);
                held.close();
                waiting.get(GIVE_UP_SECONDS, TimeUnit.SECONDS).close();
            }
            int afterLock = events.all(Event.StillWaitingForLock.class).size();
            Thread.sleep(20 * 10);

            List<Event.StillWaitingForLock> lines = events.all(Event.StillWaitingForLock.class);
            assertThat(lines).as("no line once the lock was taken").hasSize(afterLock).allSatisfy(l -> {
                assertThat(l.stateLocation()).isEqualTo(location.toString());
                assertThat(l.holder()).startsWith("alice@laptop");
                assertThat(l.limit()).isEqualTo(Duration.ofMinutes(10));
            });
            assertIncreasing(lines.stream().map(Event.StillWaitingForLock::elapsed).toList());
        }
    }

    private static S3StateStore s3Store(LocalS3 s3, S3Location location, String who, Listener listener) {
        return new S3StateStore(s3.client(), new S3StateStore.Settings(location, null, null, Duration.ofMinutes(10),
                Duration.ofMillis(10)), new LockInfo(null, who, "invoke", "com.acme:shop", "0.1.0", null), listener,
                Clock.systemUTC(), true);
    }

    @Test
    void theLinesReadAsTheUserSeesThemAtInfo() {
        RecordingConsole console = new RecordingConsole();
        MavenEvents maven = new MavenEvents(console);
        Target target = new Target("my-function", "$LATEST", null);

        maven.on(new Event.CallStillRunning("seed-db", target, Duration.ofMillis(30_400), Duration.ofMinutes(15)));
        maven.on(new Event.StillWaitingForFunction(target, Duration.ofSeconds(70), Duration.ofMinutes(5)));
        maven.on(new Event.StillWaitingForLock("s3://b/k", "alice@laptop", Duration.ofSeconds(10),
                Duration.ofSeconds(90)));

        assertThat(console.lines()).containsExactly(
                "lambda-invocation: seed-db (my-function:$LATEST) still running (30 s of at most 15 m)",
                "lambda-invocation: still waiting for the function my-function:$LATEST to be ready (1 m 10 s of at"
                        + " most 5 m)",
                "lambda-invocation: still waiting for the lock of s3://b/k, held by alice@laptop (10 s of at most"
                        + " 1 m 30 s)");
    }
}
