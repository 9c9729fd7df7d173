package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.config.DesiredInvocation;
import io.github.lambdainvocation.state.RecordedInvocation;
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
 */
public record PlannedChange(
        String id,
        Action action,
        List<String> reasons,
        List<PlannedCall> calls,
        RecordedInvocation recorded,
        DesiredInvocation desired) {

    public static final String NEW = "new";
    public static final String REMOVED = "removed";
    public static final String DESTROY = "destroy";

    public PlannedChange {
        reasons = List.copyOf(reasons);
        calls = List.copyOf(calls);
    }

    /** Whether the state changes when this is applied. */
    public boolean changesState() {
        return action != Action.NO_OP;
    }
}
