package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.lambda.CallOptions;
import io.github.lambdainvocation.model.Defaults;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.plan.PlannedChange;

/** What the state records when a change is applied, and how its calls are made. Pure. */
final class Outcomes {

    private Outcomes() {}

    /** What the state records once {@code call} of {@code change} succeeded: null to forget the id. */
    static RecordedInvocation afterCall(PlannedChange change, PlannedCall call, boolean last) {
        if (change.action() == Action.INTERRUPTED) {
            return change.pending().then();
        }
        if (call.kind() == PlannedCall.PayloadKind.CRUD_DELETE && (!last || change.desired() == null)) {
            return null;
        }
        DesiredInvocation d = change.desired();
        return RecordedInvocation.of(d.id(), d.spec());
    }

    /** The state after a change without calls: a forget, a state-only update, an acknowledged interrupted call. */
    static State withoutCalls(State state, PlannedChange change) {
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

    /** How the calls of {@code change} are sent: as the interrupted call was, else as configured. */
    static InvocationType typeOf(PlannedChange change) {
        if (change.pending() != null) {
            return change.pending().invocationType();
        }
        return change.desired() != null ? change.desired().spec().invocationType() : InvocationType.RequestResponse;
    }

    /** The configured timeout; sensitive when the configuration, the record or the interrupted call says so. */
    static CallOptions callOptions(PlannedChange change, InvocationType type) {
        DesiredInvocation d = change.desired();
        RecordedInvocation r = change.recorded();
        RecordedInvocation then = change.pending() == null ? null : change.pending().then();
        boolean sensitive = (d != null && d.spec().sensitive()) || (r != null && r.spec().sensitive())
                || (then != null && then.spec().sensitive());
        return new CallOptions(d != null ? d.timeout() : Defaults.CALL_TIMEOUT, sensitive, type);
    }
}
