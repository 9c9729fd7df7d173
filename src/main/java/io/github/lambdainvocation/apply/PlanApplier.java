package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.Console;
import io.github.lambdainvocation.config.DesiredInvocation;
import io.github.lambdainvocation.lambda.CallOptions;
import io.github.lambdainvocation.lambda.InvocationResult;
import io.github.lambdainvocation.lambda.LambdaCallException;
import io.github.lambdainvocation.lambda.LambdaInvoker;
import io.github.lambdainvocation.payload.PayloadBuilder;
import io.github.lambdainvocation.plan.Action;
import io.github.lambdainvocation.plan.Plan;
import io.github.lambdainvocation.plan.PlannedCall;
import io.github.lambdainvocation.plan.PlannedChange;
import io.github.lambdainvocation.state.RecordedInvocation;
import io.github.lambdainvocation.state.State;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateStore;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a plan: makes its calls in order and writes the state after each success, so that a failure (or a
 * killed build) loses nothing that was done. On the first failure it stops; what failed is not recorded, so
 * the next run tries it again.
 */
public final class PlanApplier {

    private final StateStore store;
    private final Supplier<LambdaInvoker> invoker;
    private final Console console;
    private final Clock clock;
    private final boolean printLogs;

    /**
     * @param invoker gives the invoker on first use only, so a plan without calls builds no AWS client
     * @param printLogs print each successful call's log tail at info level (it is always at debug level)
     */
    public PlanApplier(StateStore store, Supplier<LambdaInvoker> invoker, Console console, Clock clock,
            boolean printLogs) {
        this.store = store;
        this.invoker = invoker;
        this.console = console;
        this.clock = clock;
        this.printLogs = printLogs;
    }

    public ApplyReport apply(State initial, Plan plan) throws ApplyFailedException {
        State state = initial;
        Map<Action, Integer> applied = new EnumMap<>(Action.class);
        int calls = 0;
        LambdaInvoker lambda = null;
        for (PlannedChange change : plan.changes()) {
            InvocationResult last = null;
            for (PlannedCall call : change.calls()) {
                if (lambda == null) {
                    lambda = invoker.get();
                }
                last = call(lambda, change, call, new ApplyReport(applied, calls, state));
                calls++;
                if (call.kind() == PlannedCall.PayloadKind.CRUD_DELETE) {
                    state = save(state.without(change.id()), change, call, new ApplyReport(applied, calls, state));
                }
            }
            State next = afterChange(state, change, last);
            if (!next.equals(state)) {
                state = save(next, change, null, new ApplyReport(applied, calls, state));
            }
            applied.merge(change.action(), 1, Integer::sum);
        }
        return new ApplyReport(applied, calls, state);
    }

    private InvocationResult call(LambdaInvoker lambda, PlannedChange change, PlannedCall call, ApplyReport sofar) {
        byte[] payload = PayloadBuilder.build(call);
        console.info("  " + change.id() + ": " + call.event() + " -> " + call.target().describe() + " ("
                + payload.length + " bytes)");
        long started = System.nanoTime();
        try {
            InvocationResult result = lambda.invoke(call.target(), payload, options(change));
            console.info("  " + change.id() + ": " + call.event() + " done in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms"
                    + (result.executedVersion() == null ? "" : ", executed version " + result.executedVersion()));
            if (result.logTail() != null && !options(change).sensitive()) {
                String tail = "  " + change.id() + ": log tail:" + System.lineSeparator() + indent(result.logTail());
                if (printLogs) {
                    console.info(tail);
                } else {
                    console.debug(tail);
                }
            }
            return result;
        } catch (LambdaCallException e) {
            throw failure(change, call, e, sofar);
        }
    }

    /** The configured timeout; sensitive when either the configuration or the record says so. */
    private static CallOptions options(PlannedChange change) {
        DesiredInvocation d = change.desired();
        RecordedInvocation r = change.recorded();
        boolean sensitive = (d != null && d.sensitive()) || (r != null && r.sensitive());
        return new CallOptions(d != null ? d.timeout() : CallOptions.DEFAULT_TIMEOUT, sensitive);
    }

    private static String indent(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            out.append(out.length() == 0 ? "" : System.lineSeparator()).append("  | ").append(line);
        }
        return out.toString();
    }

    /** The state once every call of {@code change} succeeded (the last result, if any, is recorded). */
    private State afterChange(State state, PlannedChange change, InvocationResult last) {
        DesiredInvocation d = change.desired();
        if (d == null) {
            return state.without(change.id());
        }
        if (change.action() == Action.NO_OP) {
            return state;
        }
        RecordedInvocation previous = change.recorded();
        boolean invoked = last != null;
        return state.with(new RecordedInvocation(
                d.id(),
                d.target(),
                d.scope(),
                d.terraformKey(),
                d.triggers(),
                d.input(),
                invoked ? last.payload() : previous.result(),
                invoked ? last.executedVersion() : previous.executedVersion(),
                invoked ? clock.instant() : previous.invokedAt(),
                d.sensitive()));
    }

    private State save(State next, PlannedChange change, PlannedCall call, ApplyReport sofar) {
        try {
            store.write(next);
            return next;
        } catch (StateException e) {
            String ran = call != null || !change.calls().isEmpty()
                    ? " The Lambda invocation for it succeeded, but the state does not show it: the next run will"
                            + " invoke it again unless the state is fixed."
                    : "";
            throw new ApplyFailedException("'" + change.id() + "' (" + change.action().label() + "): "
                    + e.getMessage() + "." + ran + System.lineSeparator() + done(sofar), false, e, sofar);
        }
    }

    private ApplyFailedException failure(PlannedChange change, PlannedCall call, LambdaCallException e,
            ApplyReport sofar) {
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
        } else {
            text.append("The state of '").append(change.id()).append("' was not changed; the next run tries it again.");
        }
        text.append(System.lineSeparator()).append(done(sofar));
        return new ApplyFailedException(text.toString(), e.userFixable(), e, sofar);
    }

    private static String done(ApplyReport sofar) {
        return "Before the failure: " + sofar.summary() + ". Changes after it were not attempted.";
    }
}
