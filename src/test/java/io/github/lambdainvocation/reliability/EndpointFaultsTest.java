package io.github.lambdainvocation.reliability;

import static io.github.lambdainvocation.testing.Jsons.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.mojo.MavenEvents;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.state.StateStore;
import io.github.lambdainvocation.testing.FaultProxy;
import io.github.lambdainvocation.testing.FaultProxy.Fault;
import io.github.lambdainvocation.testing.FaultProxy.Kind;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.RecordingConsole;
import io.github.lambdainvocation.testing.Rendered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine, its real SDK invoker and {@link LocalLambdaServer}, with a {@link FaultProxy} in between that breaks
 * the wire in one way per case. Each case is run for a CREATE_ONLY create and for a CRUD update, and asserts how
 * many Invoke requests reached the function, what the user reads, what the state holds afterwards, and what the
 * next run (with the faults gone) does about it. The figures are in {@code src/it/README.md}, checked below.
 */
class EndpointFaultsTest {

    /** What the state holds after the faulted run. */
    enum After {
        /** the call succeeded: the new invocation is recorded */
        RECORDED,
        /** the call certainly did not run: the state of the id did not move, nothing is pending */
        UNCHANGED,
        /** nobody knows whether the function ran: the state did not move, and the call is pending */
        PENDING
    }

    /** What is broken before the run, given the proxy and what to do when the plugin announces a retry. */
    interface Arm {
        void on(FaultProxy proxy, EndpointFaultsTest test) throws IOException;
    }

    /**
     * One fault.
     *
     * @param fault how the README's table names it
     * @param arm what is broken
     * @param reached the Invoke requests that reach the function
     * @param arrived the Invoke requests that reach the endpoint (the proxy), whatever happens to them there
     * @param after what the state holds afterwards
     * @param says what the failure says between "Invocation 'id' (action) failed." and the state's sentence, as
     *     fragments in order; none when the run succeeds
     * @param retries how many retry warnings the user reads, each starting with {@code retryWarning}
     * @param retryWarning the start of each retry warning
     * @param timeout the invocation's timeout for the faulted run, or null
     */
    record Case(String fault, Arm arm, int reached, int arrived, After after, List<String> says, int retries,
            String retryWarning, String timeout) {

        static Case failing(String fault, Arm arm, int reached, int arrived, After after, String... says) {
            return new Case(fault, arm, reached, arrived, after, List.of(says), 0, null, null);
        }

        /** The call gets through in the end, once. */
        static Case passing(String fault, Arm arm, int arrived) {
            return new Case(fault, arm, 1, arrived, After.RECORDED, List.of(), 0, null, null);
        }

        Case retrying(int times, String warning) {
            return new Case(fault, arm, reached, arrived, after, says, times, warning, timeout);
        }

        Case withTimeout(String value) {
            return new Case(fault, arm, reached, arrived, after, says, retries, retryWarning, value);
        }

        @Override
        public String toString() {
            return fault;
        }
    }

    private static final String THROTTLED = "Lambda throttled the call to fn:$LATEST in us-east-1"
            + " (TooManyRequestsException); it did not run. Retrying in ";
    private static final String NOT_CONNECTED = "Could not connect to Lambda for fn:$LATEST in us-east-1 (";
    private static final String SERVER_ERROR = "Lambda answered the call to fn:$LATEST in us-east-1 with a server"
            + " error — ";
    private static final String LOST = "The call to fn:$LATEST in us-east-1 failed before its answer arrived: ";
    private static final String MAY_HAVE_RUN = "The function may have run.";
    private static final String DID_NOT_RUN = "The function did not run.";

    static List<Case> cases() {
        int attempts = Invokers.FAST.retry().maxAttempts();
        Fault throttled = Fault.lambdaError(Kind.ANSWER_BEFORE, 429, "TooManyRequestsException", "Rate exceeded",
                "Retry-After: 1");
        Fault[] alwaysThrottled = new Fault[attempts];
        Arrays.fill(alwaysThrottled, throttled);
        Arm refusedUntilRetried = (p, t) -> {
            p.down();
            t.onRetry = () -> up(p);
        };
        Arm refusedAfterTheCheckUntilRetried = (p, t) -> {
            p.onGetFunction(Fault.of(Kind.GO_DOWN_AFTER));
            t.onRetry = () -> up(p);
        };
        return List.of(
                Case.failing("HTTP 500 after the function ran",
                        invoke(Fault.lambdaError(Kind.ANSWER_AFTER, 500, "ServiceException", "internal failure")),
                        1, 1, After.PENDING, SERVER_ERROR + "ServiceException (HTTP 500): internal failure. "
                                + MAY_HAVE_RUN),
                Case.failing("HTTP 503 before the function ran", invoke(Fault.bare(Kind.ANSWER_BEFORE, 503, "")),
                        0, 1, After.PENDING, SERVER_ERROR + "HTTP 503: Service Unavailable. " + MAY_HAVE_RUN),
                Case.failing("HTTP 500 on the readiness check (GetFunction)", (p, t) -> p.onGetFunction(
                        Fault.lambdaError(Kind.ANSWER_BEFORE, 500, "ServiceException", "internal failure")),
                        0, 0, After.UNCHANGED, SERVER_ERROR + "ServiceException (HTTP 500): internal failure. "
                                + DID_NOT_RUN),
                Case.failing("HTTP 429 on every attempt", invoke(alwaysThrottled), 0, attempts, After.UNCHANGED,
                        "Lambda throttled every one of " + attempts + " calls to fn:$LATEST in us-east-1 —"
                                + " TooManyRequestsException (HTTP 429): Rate exceeded. " + DID_NOT_RUN)
                        .retrying(attempts - 1, THROTTLED),
                Case.passing("HTTP 429 twice, then OK", invoke(throttled, throttled), 3).retrying(2, THROTTLED),
                Case.passing("connection refused at the readiness check, then the endpoint is up",
                        refusedUntilRetried, 1).retrying(1, NOT_CONNECTED),
                Case.passing("connection refused at the Invoke, then the endpoint is up",
                        refusedAfterTheCheckUntilRetried, 1).retrying(1, NOT_CONNECTED),
                Case.failing("connection refused on every attempt", (p, t) -> p.down(), 0, 0, After.UNCHANGED,
                        "Could not connect to Lambda for fn:$LATEST in us-east-1 after " + attempts + " attempts: ",
                        "Connection refused", DID_NOT_RUN).retrying(attempts - 1, NOT_CONNECTED),
                Case.failing("connection reset before the request is forwarded", invoke(Fault.of(Kind.RESET_BEFORE)),
                        0, 1, After.PENDING, LOST, "Connection reset", MAY_HAVE_RUN),
                Case.failing("connection reset after the function ran", invoke(Fault.of(Kind.RESET_AFTER)),
                        1, 1, After.PENDING, LOST, "Connection reset", MAY_HAVE_RUN),
                Case.failing("response body cut short", invoke(Fault.of(Kind.TRUNCATE)),
                        1, 1, After.PENDING, LOST, "Premature end of Content-Length", MAY_HAVE_RUN),
                Case.failing("answer slower than the invocation's timeout", invoke(Fault.of(Kind.HOLD)),
                        1, 1, After.PENDING, "No answer from fn:$LATEST in us-east-1 within 500 ms (the invocation's"
                                + " <timeout>). The function may still be running.")
                        .withTimeout("500ms"));
    }

    private static Arm invoke(Fault... faults) {
        return (p, t) -> p.onInvoke(faults);
    }

    /**
     * The invocation a case changes: a new CREATE_ONLY one, or an update of a recorded CRUD one.
     *
     * @param action the change, as the failure names it
     * @param event the call, as the pending record names it
     * @param recordedInput what is recorded before the case, or null for nothing
     * @param payload what the planned call sends
     */
    record Scope(String name, String id, String action, String event, String recordedInput, String input,
            String payload) {

        static final Scope CREATE_ONLY_CREATE = new Scope("CREATE_ONLY create", "job", "create", "invoke", null,
                "{\"run\": 1}", "{\"run\": 1}");
        static final Scope CRUD_UPDATE = new Scope("CRUD update", "seed", "update", "update", "{\"v\":1}",
                "{\"v\":2}", "{\"v\":2,\"tf\":{\"action\":\"update\",\"prev_input\":{\"v\":1}}}");

        InvocationSettings settings(String withInput) {
            InvocationSettings s = InvocationSettings.withId(id).functionName("fn").input(withInput);
            return recordedInput != null ? s.lifecycleScope("CRUD") : s;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> faults() {
        return cases().stream().flatMap(c -> Stream.of(Scope.CREATE_ONLY_CREATE, Scope.CRUD_UPDATE)
                .map(s -> Arguments.of(c, s)));
    }

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private FaultProxy proxy;
    private StateStore store;
    private InvocationEngine engine;
    /** Run when the plugin warns that it could not connect and retries. */
    private volatile Runnable onRetry = () -> {};
    private final RecordingConsole console = new RecordingConsole().onWarn(warning -> {
        if (warning.startsWith(NOT_CONNECTED)) {
            onRetry.run();
        }
    });
    private final List<String> lines = console.lines();

    @BeforeEach
    void start() throws IOException {
        lambda = LocalLambdaServer.start().function("fn");
        proxy = FaultProxy.start(lambda.port());
        engine = engine();
    }

    @AfterEach
    void stop() {
        proxy.close();
        lambda.stop();
    }

    /** The one place the state store and the engine are built; each run gets its own invoker, as a build does. */
    private InvocationEngine engine() {
        store = new LocalStateStore(dir.resolve("state.json"));
        return new InvocationEngine(store, () -> Invokers.of(proxy.endpoint(), null, Invokers.FAST, console),
                new MavenEvents(console), Clock.systemUTC(), dir.resolve("out"));
    }

    private static List<DesiredInvocation> config(InvocationSettings settings) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(settings));
    }

    private static void up(FaultProxy proxy) {
        try {
            proxy.up();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("faults")
    void eachFaultRunsTheFunctionAtMostOnceTellsWhatHappenedAndKeepsTheStateTrue(Case c, Scope scope)
            throws IOException {
        if (scope.recordedInput() != null) {
            engine.invoke(config(scope.settings(scope.recordedInput())), false);
        }
        State before = store.read();
        int reachedBefore = lambda.events("fn").size();
        int arrivedBefore = proxy.invokesArrived();
        lines.clear();
        c.arm().on(proxy, this);
        InvocationSettings wanted = scope.settings(scope.input());

        Throwable failure = catchThrowable(() -> engine.invoke(config(c.timeout() == null ? wanted
                : scope.settings(scope.input()).timeout(c.timeout())), false));

        int reached = lambda.events("fn").size() - reachedBefore;
        int arrived = proxy.invokesArrived() - arrivedBefore;
        List<String> warnings = lines.stream().filter(l -> l.startsWith("WARN ")).toList();
        State after = store.read();
        writeDown(c, scope, reached, arrived, warnings, failure, after);

        assertThat(reached).as("Invoke requests that reached the function").isEqualTo(c.reached());
        assertThat(arrived).as("Invoke requests that reached the endpoint").isEqualTo(c.arrived());
        assertThat(warnings).as("the retry warnings, and no other").hasSize(c.retries())
                .allMatch(w -> w.startsWith("WARN " + c.retryWarning()));
        if (c.after() == After.RECORDED) {
            assertThat(failure).as("the run succeeds").isNull();
            assertRecorded(after, scope);
        } else {
            assertThat(failure).as("the run fails").isNotNull();
            String message = Rendered.rendered(failure).getMessage();
            List<String> expected = new ArrayList<>();
            expected.add("Invocation '" + scope.id() + "' (" + scope.action() + ") failed. ");
            expected.addAll(c.says());
            expected.add(c.after() == After.PENDING
                    ? "The call to '" + scope.id() + "' stays recorded as sent with an unknown outcome; the next run"
                            + " shows it as interrupted and sends it again, unless it is acknowledged with"
                            + " -Dlambda-invocation.acknowledge=" + scope.id() + "."
                    : "The state of '" + scope.id() + "' was not changed; the next run tries it again.");
            assertThat(message).containsSubsequence(expected).doesNotContain("SDK Attempt Count");
            assertThat(after.invocations()).as("no advance on failure").isEqualTo(before.invocations());
            if (c.after() == After.PENDING) {
                PendingCall pending = after.pending().get(scope.id());
                assertThat(pending).as("the call whose outcome is unknown is pending").isNotNull();
                assertThat(pending.event()).isEqualTo(scope.event());
                assertThat(pending.payload()).isEqualTo(scope.payload());
                assertThat(pending.then().spec().input()).isEqualTo(json(scope.input()));
            } else {
                assertThat(after.pending()).as("nothing pending when the function certainly did not run").isEmpty();
            }
        }

        proxy.heal();
        lines.clear();
        int reachedBeforeNext = lambda.events("fn").size();
        engine.invoke(config(wanted), false);

        List<String> nextPayloads = lambda.payloads("fn").subList(reachedBeforeNext, lambda.events("fn").size());
        if (c.after() == After.RECORDED) {
            assertThat(nextPayloads).as("the next run has nothing to do").isEmpty();
        } else {
            assertThat(nextPayloads).as("the next run sends the call once, with the same payload")
                    .containsExactly(scope.payload());
        }
        assertThat(lines.stream().anyMatch(l -> l.startsWith("WARN INTERRUPTED: an earlier build sent the")))
                .as("the next run warns of the interrupted call only when it was pending")
                .isEqualTo(c.after() == After.PENDING);
        assertRecorded(store.read(), scope);
    }

    /** Writes what happened in this case to {@code target/reliability/}, to read beside the README's table. */
    private static void writeDown(Case c, Scope scope, int reached, int arrived, List<String> warnings,
            Throwable failure, State after) throws IOException {
        String name = (scope + " " + c.fault()).replaceAll("\\W+", "-") + ".txt";
        Path file = Path.of("target", "reliability", "endpoint-faults", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join(System.lineSeparator(), List.of("fault: " + c.fault(), "scope: " + scope,
                "Invoke requests that reached the function: " + reached,
                "Invoke requests that reached the endpoint: " + arrived, "warnings: " + warnings,
                "failure: " + (failure == null ? "none" : Rendered.rendered(failure).getMessage()),
                "state: " + after.invocations() + ", pending " + after.pending().keySet())) + System.lineSeparator());
    }

    private static void assertRecorded(State state, Scope scope) {
        RecordedInvocation record = state.get(scope.id()).orElseThrow();
        assertThat(record.spec().input()).isEqualTo(json(scope.input()));
        assertThat(record.result()).as("the answer of the function, which echoes").isEqualTo(scope.payload());
        assertThat(state.pending()).isEmpty();
    }

    /** The table of src/it/README.md shows, for each fault, what {@link #cases()} asserts. */
    @Test
    void theReadmeTableShowsWhatThisTestAsserts() throws IOException {
        String readme = Files.readString(Path.of("src/it/README.md"));
        String section = readme.substring(readme.indexOf("## Reliability: endpoint faults"));
        int next = section.indexOf("\n## ");
        section = next < 0 ? section : section.substring(0, next);
        assertThat(section.lines().filter(l -> l.startsWith("| ")).count()).as("a row for each fault, and a header")
                .isEqualTo(cases().size() + 1);
        for (Case c : cases()) {
            String row = section.lines().filter(l -> l.startsWith("| " + c.fault() + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for '" + c.fault() + "'"));
            String[] cells = row.split(" \\| ");
            assertThat(cells[1].trim()).as(c.fault()).isEqualTo(Integer.toString(c.reached()));
            assertThat(cells[3].trim()).as(c.fault()).startsWith(c.after().name().toLowerCase(Locale.ROOT));
        }
    }
}
