package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.RecordedInvocation;
import java.util.List;

/**
 * What a run does about one invocation id.
 *
 * @param id the invocation id
 * @param action the kind of change
 * @param reasons why: the changed fields ({@code input}, {@code triggers}, {@code functionName}, {@code qualifier},
 *     {@code region}, {@code lifecycleScope}, {@code terraformKey}), or {@code new}, {@code removed},
 *     {@code destroy}
 * @param calls the invocations to make, in order (may be empty)
 * @param recorded what the state holds now (null for a create)
 * @param desired what the state should hold afterwards (null when the id is forgotten)
 * @param phase when it runs: interrupted calls first, then removals, then the configured invocations
 * @param after the ids of the same phase that must be done before it starts
 * @param deferred whether its input reads results that this run changes first: the exact change is decided
 *     when it starts (it may turn out to be a no-op)
 * @param code the function's code version to record (triggerOnCodeChange); null otherwise
 * @param replaceRequested whether -Dlambda-invocation.replace named it
 * @param pending the interrupted call ({@link Action#INTERRUPTED} only)
 */
public record PlannedChange(
        String id,
        Action action,
        List<String> reasons,
        List<PlannedCall> calls,
        RecordedInvocation recorded,
        DesiredInvocation desired,
        Phase phase,
        List<String> after,
        boolean deferred,
        io.github.lambdainvocation.model.CodeVersion code,
        boolean replaceRequested,
        io.github.lambdainvocation.model.PendingCall pending) {

    public static final String NEW = "new";
    public static final String REMOVED = "removed";
    public static final String DESTROY = "destroy";

    public PlannedChange {
        reasons = List.copyOf(reasons);
        calls = List.copyOf(calls);
        after = List.copyOf(after);
    }

    /** When a change runs. */
    public enum Phase {
        RECOVER,
        REMOVE,
        APPLY
    }

    /** A change of the apply phase with nothing special about it (tests and simple callers). */
    public PlannedChange(String id, Action action, List<String> reasons, List<PlannedCall> calls,
            RecordedInvocation recorded, DesiredInvocation desired) {
        this(id, action, reasons, calls, recorded, desired, Phase.APPLY, List.of(), false, null, false, null);
    }

    /** The same change with another action (the applier marks a change without calls as done). */
    public PlannedChange withAction(Action newAction) {
        return new PlannedChange(id, newAction, reasons, calls, recorded, desired, phase, after, deferred, code,
                replaceRequested, pending);
    }

    PlannedChange in(Phase newPhase, List<String> newAfter) {
        return new PlannedChange(id, action, reasons, calls, recorded, desired, newPhase, newAfter, deferred, code,
                replaceRequested, pending);
    }

    /** Whether the state changes when this is applied. */
    public boolean changesState() {
        return action != Action.NO_OP;
    }
}
