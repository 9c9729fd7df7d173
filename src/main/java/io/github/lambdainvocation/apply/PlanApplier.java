package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.Console;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.payload.Placeholders;
import io.github.lambdainvocation.lambda.CallOptions;
import io.github.lambdainvocation.lambda.InvocationResult;
import io.github.lambdainvocation.lambda.LambdaCallException;
import io.github.lambdainvocation.lambda.LambdaInvoker;
import io.github.lambdainvocation.payload.PayloadBuilder;
import io.github.lambdainvocation.plan.Action;
import io.github.lambdainvocation.plan.Plan;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.plan.PlannedChange;
import io.github.lambdainvocation.plan.Planner;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs a plan, phase by phase (interrupted calls, removals, configured invocations), with up to
 * {@code parallelism} changes at once; a change starts when the changes it depends on are done.
 *
 * <p>Nothing is lost when a run fails or is killed:
 * <ul>
 *   <li>before each call, the state records it as pending (what is about to be sent); a run that finds a pending
 *       call knows its outcome is unknown;</li>
 *   <li>after each successful call the state records its outcome; to spare requests, that write goes together
 *       with the next call's pending record when one starts right away;</li>
 *   <li>after the first failure no new change starts; the running ones finish and are recorded; then the run
 *       fails listing every failure. What failed is not recorded, so the next run tries it again.</li>
 * </ul>
 */
public final class PlanApplier {

    /**
     * @param printLogs print each successful call's log tail at info level (it is always at debug level)
     * @param parallelism how many changes may run at once
     */
    public record Options(boolean printLogs, int parallelism) {
        public static final Options DEFAULT = new Options(false, 1);
    }

    private final StateStore store;
    private final Supplier<LambdaInvoker> invoker;
    private final Console console;
    private final Clock clock;
    private final Options options;

    /**
     * @param invoker gives the invoker on first use only, so a plan without calls builds no AWS client
     */
    public PlanApplier(StateStore store, Supplier<LambdaInvoker> invoker, Console console, Clock clock,
            Options options) {
        this.store = store;
        this.invoker = invoker;
        this.console = console;
        this.clock = clock;
        this.options = options;
    }

    public ApplyReport apply(State initial, Plan plan) throws ApplyFailedException {
        Journal journal = new Journal(initial);
        List<LambdaInvocationException> failures = new ArrayList<>();
        int threads = Math.max(1, Math.min(options.parallelism(), plan.changes().size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lambda-invocation");
            t.setDaemon(true);
            return t;
        });
        try {
            for (PlannedChange.Phase phase : PlannedChange.Phase.values()) {
                List<PlannedChange> todo = new ArrayList<>(plan.changes().stream()
                        .filter(c -> c.phase() == phase).toList());
                Set<String> inPhase = new HashSet<>();
                todo.forEach(c -> inPhase.add(c.id()));
                CompletionService<Done> completions = new ExecutorCompletionService<>(pool);
                Set<String> done = new HashSet<>();
                Set<String> notDone = new HashSet<>();
                int running = 0;
                while (true) {
                    List<Started> round = new ArrayList<>();
                    for (PlannedChange change : List.copyOf(todo)) {
                        if (!failures.isEmpty() || change.after().stream().anyMatch(notDone::contains)) {
                            todo.remove(change); // after a failure, or after a failed dependency: not attempted
                            notDone.add(change.id());
                        } else if (running + round.size() < threads && change.after().stream()
                                .filter(inPhase::contains).allMatch(done::contains)) {
                            todo.remove(change);
                            Started start = prepare(change, journal);
                            if (start.failure() != null || start.change().action() == Action.NO_OP) {
                                record(new Done(change.id(), start.failure()), done, notDone, failures);
                            } else {
                                round.add(start);
                            }
                        }
                    }
                    // one write marks every call of this round as sent, with the outcomes not yet written
                    journal.beginAll(round.stream().map(Started::pending).toList());
                    for (Started start : round) {
                        running++;
                        completions.submit(() -> run(start, journal));
                    }
                    if (round.isEmpty()) {
                        journal.flush(); // no new call will carry the outcomes so far: write them now
                    }
                    if (running == 0) {
                        if (todo.isEmpty()) {
                            break;
                        }
                        continue;
                    }
                    List<Done> finished = new ArrayList<>(List.of(take(completions)));
                    for (Future<Done> more = completions.poll(); more != null; more = completions.poll()) {
                        finished.add(get(more));
                    }
                    for (Done d : finished) {
                        running--;
                        record(d, done, notDone, failures);
                    }
                }
                if (!failures.isEmpty()) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        journal.flush();
        ApplyReport report = journal.report();
        if (!failures.isEmpty()) {
            boolean userFixable = failures.stream().anyMatch(LambdaInvocationException::userFixable);
            // One failure is the cause. Several are suppressed, not a cause: Maven appends a cause's message that
            // the message does not already hold verbatim, and the list indents them, so the first would be told twice.
            ApplyFailedException failed = new ApplyFailedException(
                    render(failures.stream().map(Throwable::getMessage).toList(), report), userFixable,
                    failures.size() == 1 ? failures.get(0) : null, report);
            if (failures.size() > 1) {
                failures.forEach(failed::addSuppressed);
            }
            throw failed;
        }
        return report;
    }

    private static void record(Done d, Set<String> done, Set<String> notDone,
            List<LambdaInvocationException> failures) {
        if (d.failure() == null) {
            done.add(d.id());
        } else {
            notDone.add(d.id());
            failures.add(d.failure());
        }
    }

    private static String render(List<String> failures, ApplyReport report) {
        StringBuilder text = new StringBuilder();
        if (failures.size() == 1) {
            text.append(failures.get(0));
        } else {
            text.append(failures.size()).append(" invocations failed:");
            for (String failure : failures) {
                text.append(System.lineSeparator()).append("- ").append(failure.replace(System.lineSeparator(),
                        System.lineSeparator() + "  "));
            }
        }
        return text.append(System.lineSeparator()).append("Before the failure: ").append(report.summary())
                .append(". Changes after it were not attempted.").toString();
    }

    private static Done take(CompletionService<Done> completions) {
        try {
            return get(completions.take());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LambdaInvocationException("Interrupted while invocations were running", false, e);
        }
    }

    private static Done get(Future<Done> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LambdaInvocationException("Interrupted while invocations were running", false, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a change failed unexpectedly", e.getCause());
        }
    }

    /** How one change ended: failure is null when it succeeded. */
    private record Done(String id, LambdaInvocationException failure) {}

    /**
     * A change about to start: decided (a deferred change reads the results it needs now) and its first call
     * prepared; or why it cannot start.
     */
    private record Started(PlannedChange change, PendingCall pending, byte[] payload, LambdaInvocationException failure) {}

    /** Decides a change and prepares its first call, in the scheduling thread. */
    private Started prepare(PlannedChange planned, Journal journal) {
        try {
            PlannedChange change = planned.deferred() ? decide(planned, journal.state()) : planned;
            if (change.action() == Action.NO_OP) {
                if (planned.deferred()) {
                    console.info("  " + change.id() + ": unchanged after all: the results it reads did not change");
                }
                journal.count(Action.NO_OP);
                return new Started(change, null, null, null);
            }
            if (change.calls().isEmpty()) {
                journal.change(state -> afterChangeWithoutCalls(state, change));
                journal.count(change.action());
                return new Started(change.withAction(Action.NO_OP), null, null, null);
            }
            PlannedCall first = change.calls().get(0);
            byte[] payload = PayloadBuilder.build(first);
            checkSize(change, first, payload);
            return new Started(change, pendingOf(change, first, payload, change.calls().size() == 1), payload, null);
        } catch (LambdaInvocationException e) {
            return new Started(planned, null, null, e);
        }
    }

    private PendingCall pendingOf(PlannedChange change, PlannedCall call, byte[] payload, boolean last) {
        return new PendingCall(change.id(), call.target(), call.event(), new String(payload, StandardCharsets.UTF_8),
                typeOf(change), clock.instant(), thenOf(change, call, last));
    }

    /** Runs a started change: its calls in order, each recorded as pending before (the first one already is). */
    private Done run(Started start, Journal journal) {
        PlannedChange change = start.change();
        try {
            List<PlannedCall> calls = change.calls();
            for (int i = 0; i < calls.size(); i++) {
                PlannedCall call = calls.get(i);
                byte[] payload;
                PendingCall pending;
                if (i == 0) {
                    payload = start.payload();
                    pending = start.pending();
                } else {
                    payload = PayloadBuilder.build(call);
                    checkSize(change, call, payload);
                    pending = pendingOf(change, call, payload, i == calls.size() - 1);
                    journal.beginAll(List.of(pending));
                }
                InvocationResult result;
                try {
                    result = call(change, call, payload, pending.invocationType());
                } catch (LambdaCallException e) {
                    if (!e.outcomeUnknown()) {
                        journal.abandon(change.id()); // the outcome is known: it did not succeed
                    }
                    throw failure(change, call, e);
                }
                RecordedInvocation then = pending.then();
                journal.succeed(change.id(), state -> then == null
                        ? state.without(change.id())
                        : state.with(then.withResult(result.payload(), result.executedVersion(), clock.instant())));
            }
            journal.count(change.action());
            return new Done(change.id(), null);
        } catch (LambdaInvocationException e) {
            return new Done(change.id(), e);
        }
    }

    /** A deferred change, decided now that the results it reads are known. */
    private static PlannedChange decide(PlannedChange planned, State now) {
        DesiredInvocation resolved;
        try {
            resolved = Placeholders.resolve(planned.desired(), id -> now.get(id).map(RecordedInvocation::result).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new LambdaInvocationException("Invocation '" + planned.id() + "': "
                    + planned.desired().inputSource() + " reads " + e.getMessage() + ". Nothing was sent for it.",
                    true);
        }
        return Planner.change(resolved, now.get(planned.id()).orElse(null), planned.code(),
                planned.replaceRequested());
    }

    /** What the state records once {@code call} succeeded: null to forget the id. */
    private RecordedInvocation thenOf(PlannedChange change, PlannedCall call, boolean last) {
        if (change.action() == Action.INTERRUPTED) {
            return change.pending().then();
        }
        if (call.kind() == PlannedCall.PayloadKind.CRUD_DELETE && (!last || change.desired() == null)) {
            return null;
        }
        DesiredInvocation d = change.desired();
        return RecordedInvocation.of(d.id(), d.spec());
    }

    private InvocationResult call(PlannedChange change, PlannedCall call, byte[] payload, InvocationType type) {
        console.info("  " + change.id() + ": " + call.event() + " -> " + call.target().describe() + " ("
                + payload.length + " bytes" + (type == InvocationType.Event ? ", asynchronous" : "") + ")");
        long started = System.nanoTime();
        CallOptions callOptions = callOptions(change, type);
        InvocationResult result = invoker().invoke(call.target(), payload, callOptions);
        console.info("  " + change.id() + ": " + call.event() + " done in "
                + (System.nanoTime() - started) / 1_000_000 + " ms"
                + (result.executedVersion() == null ? "" : ", executed version " + result.executedVersion()));
        if (result.logTail() != null && !callOptions.sensitive()) {
            String tail = "  " + change.id() + ": log tail:" + System.lineSeparator() + indent(result.logTail());
            if (options.printLogs()) {
                console.info(tail);
            } else {
                console.debug(tail);
            }
        }
        return result;
    }

    private synchronized LambdaInvoker invoker() {
        return invoker.get();
    }

    private static void checkSize(PlannedChange change, PlannedCall call, byte[] payload) {
        if (payload.length > io.github.lambdainvocation.model.Defaults.MAX_SYNC_PAYLOAD_BYTES) {
            throw new LambdaInvocationException("Invocation '" + change.id() + "': its " + call.event() + " payload is "
                    + payload.length + " bytes, over Lambda's limit of " + io.github.lambdainvocation.model.Defaults.MAX_SYNC_PAYLOAD_BYTES
                    + " bytes (6 MB). Nothing was sent for it.", true);
        }
    }

    private static InvocationType typeOf(PlannedChange change) {
        if (change.pending() != null) {
            return change.pending().invocationType();
        }
        return change.desired() != null ? change.desired().spec().invocationType() : InvocationType.RequestResponse;
    }

    /** The configured timeout; sensitive when either the configuration or the record says so. */
    private static CallOptions callOptions(PlannedChange change, InvocationType type) {
        DesiredInvocation d = change.desired();
        RecordedInvocation r = change.recorded();
        boolean sensitive = (d != null && d.spec().sensitive()) || (r != null && r.spec().sensitive())
                || (change.pending() != null && change.pending().then() != null
                        && change.pending().then().spec().sensitive());
        return new CallOptions(d != null ? d.timeout() : io.github.lambdainvocation.model.Defaults.CALL_TIMEOUT, sensitive, type);
    }

    private static String indent(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            out.append(out.length() == 0 ? "" : System.lineSeparator()).append("  | ").append(line);
        }
        return out.toString();
    }

    /** A change without calls: forget, a state-only update, an acknowledged interrupted call. */
    private static State afterChangeWithoutCalls(State state, PlannedChange change) {
        if (change.action() == Action.INTERRUPTED) {
            RecordedInvocation then = change.pending().then();
            if (then == null) {
                return state.without(change.id()).withoutPending(change.id());
            }
            // acknowledged: its own result is unknown; the last known one keeps later readers working
            RecordedInvocation kept = state.get(change.id())
                    .map(previous -> then.withResult(previous.result(), previous.executedVersion(),
                            previous.invokedAt()))
                    .orElse(then);
            return state.with(kept).withoutPending(change.id());
        }
        DesiredInvocation d = change.desired();
        if (d == null) {
            return state.without(change.id());
        }
        if (change.action() == Action.NO_OP) {
            return state;
        }
        RecordedInvocation previous = change.recorded();
        InvocationSpec spec = d.spec().code() != null ? d.spec() : d.spec().withCode(previous.spec().code());
        return state.with(new RecordedInvocation(d.id(), spec, previous.result(), previous.executedVersion(),
                previous.invokedAt()));
    }

    private static LambdaInvocationException failure(PlannedChange change, PlannedCall call, LambdaCallException e) {
        StringBuilder text = new StringBuilder("Invocation '").append(change.id()).append("' (")
                .append(change.action().label());
        if (change.calls().size() > 1) {
            text.append(": its ").append(call.event()).append(" call");
        }
        text.append(") failed. ").append(e.getMessage()).append(System.lineSeparator());
        boolean deletedBefore = change.calls().indexOf(call) > 0
                && change.calls().get(0).kind() == PlannedCall.PayloadKind.CRUD_DELETE;
        if (deletedBefore) {
            text.append("The delete to the old target succeeded and is recorded ('").append(change.id())
                    .append("' is no longer in the state); the next run creates it again.");
        } else if (e.outcomeUnknown()) {
            text.append("The call to '").append(change.id()).append("' stays recorded as sent with an unknown outcome;"
                    + " the next run shows it as interrupted and sends it again, unless it is acknowledged with"
                    + " -Dlambda-invocation.acknowledge=").append(change.id()).append('.');
        } else {
            text.append("The state of '").append(change.id()).append("' was not changed; the next run tries it again.");
        }
        return new LambdaInvocationException(text.toString(), e.userFixable(), e);
    }

    /**
     * The state of the run and its writes. All changes of the state go through here, one at a time; a write
     * carries everything done so far.
     */
    private final class Journal {
        private State state;
        private boolean dirty;
        private final Map<Action, Integer> applied = new EnumMap<>(Action.class);
        private final AtomicInteger calls = new AtomicInteger();

        Journal(State initial) {
            this.state = initial;
        }

        synchronized State state() {
            return state;
        }

        /** Records {@code calls} as sent, and writes (with every outcome not written yet); nothing for none. */
        synchronized void beginAll(List<PendingCall> calls) {
            if (calls.isEmpty()) {
                return;
            }
            for (PendingCall call : calls) {
                state = state.withPending(call);
            }
            write("recording that " + calls.stream().map(c -> "'" + c.id() + "'").collect(
                    java.util.stream.Collectors.joining(", ")) + (calls.size() == 1 ? " is" : " are")
                    + " being invoked");
        }

        synchronized void succeed(String id, UnaryOperator<State> outcome) {
            state = outcome.apply(state).withoutPending(id);
            calls.incrementAndGet();
            dirty = true;
        }

        synchronized void abandon(String id) {
            if (state.pending().containsKey(id)) {
                state = state.withoutPending(id);
                dirty = true;
            }
        }

        synchronized void change(UnaryOperator<State> change) {
            State next = change.apply(state);
            if (!next.equals(state)) {
                state = next;
                dirty = true;
            }
        }

        synchronized void count(Action action) {
            applied.merge(action, 1, Integer::sum);
        }

        synchronized void flush() {
            if (dirty) {
                write("recording what was done");
            }
        }

        private void write(String what) {
            try {
                store.write(state);
                dirty = false;
            } catch (StateException e) {
                throw new ApplyFailedException("The state could not be written while " + what + ": " + e.getMessage()
                        + ". Invocations that succeeded since the last write are not recorded: the next run may"
                        + " invoke them again." + System.lineSeparator() + "Before the failure: " + report().summary()
                        + ".", false, e, report());
            }
        }

        synchronized ApplyReport report() {
            Map<Action, Integer> copy = new EnumMap<>(Action.class);
            copy.putAll(applied);
            return new ApplyReport(copy, calls.get(), state);
        }
    }
}
