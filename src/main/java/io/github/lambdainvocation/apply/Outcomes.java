package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.lambda.CallOptions;
import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.plan.PlannedChange;

/** What the state records when a change is applied, and how its calls are made. Pure. */
final class Outcomes {

    private Outcomes() {}

    /** What the state records once {@code call} of {@code change} succeeded: null to forget the id. */
    static RecordedInvocation afterCall(PlannedChange change, PlannedCall call, boolean last) {
        if (change instanceof PlannedChange.Recovery recovery) {
            return recovery.pending().then();
        }
        if (change instanceof PlannedChange.Configured configured
                && !(call.kind() == PlannedCall.PayloadKind.CRUD_DELETE && !last)) {
            return RecordedInvocation.of(configured.id(), configured.desired().spec());
        }
        return null; // a removal's delete, or the delete before a replacement's create
    }

    /** The state after a change without calls: a forget, a state-only update, an acknowledged interrupted call. */
    static State withoutCalls(State state, PlannedChange change) {
        if (change instanceof PlannedChange.Recovery recovery) {
            return acknowledged(state, recovery);
        }
        if (change instanceof PlannedChange.Removal) {
            return state.without(change.id());
        }
        PlannedChange.Configured configured = (PlannedChange.Configured) change;
        if (configured.action() == Action.NO_OP || configured.recorded().isEmpty()) {
            return state;
        }
        RecordedInvocation previous = configured.recorded().get();
        InvocationSpec wanted = configured.desired().spec();
        InvocationSpec spec = wanted.code() != null ? wanted : wanted.withCode(previous.spec().code());
        return state.with(RecordedInvocation.of(change.id(), spec).withResultOf(previous));
    }

    /** An interrupted call recorded as done: its own result is unknown, the last known one keeps readers working. */
    private static State acknowledged(State state, PlannedChange.Recovery recovery) {
        RecordedInvocation then = recovery.pending().then();
        if (then == null) {
            return state.without(recovery.id()).withoutPending(recovery.id());
        }
        RecordedInvocation kept = state.get(recovery.id())
                .map(then::withResultOf)
                .orElse(then);
        return state.with(kept).withoutPending(recovery.id());
    }

    /** How {@code call} of {@code change} is made. */
    static CallOptions callOptions(PlannedChange change, PlannedCall call) {
        return new CallOptions(change.timeout(), change.sensitive(), change.invocationType(), specOf(change, call));
    }

    /** What {@code call} is made of: a delete goes with what was recorded, everything else with what is wanted. */
    static InvocationSpec specOf(PlannedChange change, PlannedCall call) {
        if (change instanceof PlannedChange.Recovery recovery) {
            return recovery.pending().then() != null
                    ? recovery.pending().then().spec()
                    : recovery.recorded().map(RecordedInvocation::spec).orElse(null);
        }
        if (change instanceof PlannedChange.Removal removal) {
            return removal.recorded().spec();
        }
        PlannedChange.Configured configured = (PlannedChange.Configured) change;
        if (call.kind() == PlannedCall.PayloadKind.CRUD_DELETE && configured.recorded().isPresent()) {
            return configured.recorded().get().spec();
        }
        return configured.desired().spec();
    }
}
