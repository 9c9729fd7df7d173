package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.event.Progress;
import io.github.lambdainvocation.lambda.CallOptions;
import io.github.lambdainvocation.lambda.InvocationResult;
import io.github.lambdainvocation.lambda.LambdaCallException;
import io.github.lambdainvocation.lambda.LambdaInvoker;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.payload.PayloadBuilder;
import io.github.lambdainvocation.payload.Placeholders;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.plan.PlannedChange;
import io.github.lambdainvocation.plan.Planner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one planned change: decides it when it was deferred, then makes its calls in order, each recorded as
 * pending in the {@link Journal} before it is sent and as done once it succeeded. Changes without calls only
 * change the journal's state.
 */
final class ChangeRunner implements Scheduler.Steps<PlannedChange, ChangeRunner.Started> {

    /** A change about to start, decided, with its first call built and recorded as pending by the scheduler. */
    record Started(PlannedChange change, PendingCall pending, byte[] payload) {}

    private final Journal journal;
    private final Supplier<LambdaInvoker> invoker;
    private final Listener events;
    private final Clock clock;
    private final RunLog log;

    ChangeRunner(Journal journal, Supplier<LambdaInvoker> invoker, Listener events, Clock clock, RunLog log) {
        this.journal = journal;
        this.invoker = invoker;
        this.events = events;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public Optional<Started> prepare(PlannedChange planned) {
        try {
            return decideAndBuild(planned);
        } catch (LambdaInvocationException e) {
            log.failed(planned.id(), e);
            throw e;
        }
    }

    private Optional<Started> decideAndBuild(PlannedChange planned) {
        PlannedChange change = planned instanceof PlannedChange.Configured configured && configured.deferred()
                ? decide(configured, journal.state())
                : planned;
        log.started(change);
        if (change.action() == Action.NO_OP) {
            if (planned.deferred()) {
                events.on(new Event.UnchangedAfterAll(change.id()));
            }
            journal.count(Action.NO_OP);
            log.done(change.id());
            return Optional.empty();
        }
        if (change.calls().isEmpty()) {
            journal.change(state -> Outcomes.withoutCalls(state, change));
            journal.count(change.action());
            log.done(change.id());
            return Optional.empty();
        }
        PlannedCall first = change.calls().get(0);
        byte[] payload = build(change, first);
        return Optional.of(new Started(change, pendingOf(change, first, payload), payload));
    }

    @Override
    public void starting(List<Started> round) {
        // one write marks every call of the round as sent, with the outcomes not yet written
        journal.begin(round.stream().map(Started::pending).toList());
    }

    @Override
    public void idle() {
        journal.flush(); // no new call will carry the outcomes so far: write them now
    }

    /** Runs a started change: its calls in order (the first one is recorded as pending already). */
    @Override
    public void run(Started start) {
        try {
            runCalls(start);
        } catch (LambdaInvocationException e) {
            if (!(e.getCause() instanceof LambdaCallException)) {
                log.failed(start.change().id(), e); // a call's own failure is logged where it happened
            }
            throw e;
        }
        log.done(start.change().id());
    }

    private void runCalls(Started start) {
        PlannedChange change = start.change();
        List<PlannedCall> calls = change.calls();
        for (int i = 0; i < calls.size(); i++) {
            PlannedCall call = calls.get(i);
            byte[] payload = i == 0 ? start.payload() : build(change, call);
            PendingCall pending = i == 0 ? start.pending() : pendingOf(change, call, payload);
            if (i > 0) {
                journal.begin(List.of(pending));
            }
            InvocationResult result;
            try {
                result = call(change, call, payload, pending.invocationType());
            } catch (LambdaCallException e) {
                if (!e.outcomeUnknown()) {
                    journal.abandon(change.id()); // the outcome is known: it did not succeed
                }
                log.failed(change.id(), e);
                throw Failures.ofCall(change, call, e);
            }
            log.called(change.id(), result.attempts(), result.executedVersion());
            RecordedInvocation then = pending.then();
            journal.succeed(change.id(), state -> then == null
                    ? state.without(change.id())
                    : state.with(then.withResult(result.payload(), result.executedVersion(), clock.instant())));
        }
        journal.count(change.action());
    }

    /** A deferred change, decided now that the results it reads are known. */
    private static PlannedChange decide(PlannedChange.Configured planned, State now) {
        DesiredInvocation resolved;
        try {
            resolved = Placeholders.resolve(planned.desired(),
                    id -> now.get(id).map(RecordedInvocation::result).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new LambdaInvocationException("Invocation '" + planned.id() + "': "
                    + planned.desired().inputSource() + " reads " + e.getMessage() + ". Nothing was sent for it.",
                    true);
        }
        return Planner.change(resolved, now.get(planned.id()).orElse(null), planned.code(),
                planned.replaceRequested());
    }

    private static byte[] build(PlannedChange change, PlannedCall call) {
        byte[] payload = PayloadBuilder.build(call);
        String problem = PayloadBuilder.sizeProblem(payload);
        if (problem != null) {
            throw new LambdaInvocationException("Invocation '" + change.id() + "': its " + call.event() + " payload is "
                    + problem + ". Nothing was sent for it.", true);
        }
        return payload;
    }

    private PendingCall pendingOf(PlannedChange change, PlannedCall call, byte[] payload) {
        boolean last = change.calls().indexOf(call) == change.calls().size() - 1;
        return new PendingCall(change.id(), call.target(), call.event(), new String(payload, StandardCharsets.UTF_8),
                change.invocationType(), clock.instant(), Outcomes.afterCall(change, call, last));
    }

    private InvocationResult call(PlannedChange change, PlannedCall call, byte[] payload, InvocationType type) {
        boolean async = type == InvocationType.Event;
        events.on(new Event.CallStarted(change.id(), call.event(), call.target(), payload.length, async));
        long started = System.nanoTime();
        CallOptions options = Outcomes.callOptions(change, call);
        InvocationResult result;
        try (Progress.Ticket ticking = events.progress().start(events, elapsed ->
                new Event.CallStillRunning(change.id(), call.target(), elapsed, options.timeout()))) {
            result = invoker.get().invoke(call.target(), payload, options);
        }
        events.on(new Event.CallDone(change.id(), call.event(), Duration.ofNanos(System.nanoTime() - started),
                result.executedVersion(), async));
        if (result.logTail() != null && !options.sensitive()) {
            events.on(new Event.LogTail(change.id(), result.logTail()));
        }
        return result;
    }
}
