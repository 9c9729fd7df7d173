package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.config.DesiredInvocation;
import io.github.lambdainvocation.config.LifecycleScope;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.state.RecordedInvocation;
import io.github.lambdainvocation.state.State;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares what the configuration wants with what the state recorded, and decides what to invoke. Pure: no I/O.
 *
 * <p>The rules follow Terraform's {@code aws_lambda_invocation}:
 * <ul>
 *   <li>a change of function, qualifier, region or triggers replaces; so does a change of input under
 *       CREATE_ONLY (the scope wanted now decides);</li>
 *   <li>a replacement of something recorded under CRUD first sends {@code delete} to the old target with the
 *       recorded input, then creates;</li>
 *   <li>any other change is an update: under CRUD an {@code update} invocation whose {@code prev_input} is the
 *       recorded input; under CREATE_ONLY only the state changes (CREATE_ONLY promises create and replace
 *       only; Terraform re-sends the input here, we deliberately do not);</li>
 *   <li>an id that is recorded but no longer configured is deleted (CRUD) or forgotten (CREATE_ONLY);</li>
 *   <li>marking an invocation sensitive, or no longer, only changes the state.</li>
 * </ul>
 */
public final class Planner {

    public static final String FUNCTION_NAME = "functionName";
    public static final String QUALIFIER = "qualifier";
    public static final String REGION = "region";
    public static final String TRIGGERS = "triggers";
    public static final String INPUT = "input";
    public static final String LIFECYCLE_SCOPE = "lifecycleScope";
    public static final String TERRAFORM_KEY = "terraformKey";
    public static final String SENSITIVE = "sensitive";

    private Planner() {}

    /**
     * The plan of the {@code invoke} goal: recorded ids that are no longer configured go first (so a renamed
     * invocation is deleted before its successor is created), then the configured ones in configuration order.
     */
    public static Plan forInvoke(List<DesiredInvocation> desired, State state) {
        List<PlannedChange> changes = new ArrayList<>();
        Set<String> configured = new LinkedHashSet<>();
        desired.forEach(d -> configured.add(d.id()));
        for (RecordedInvocation recorded : state.invocations().values()) {
            if (!configured.contains(recorded.id())) {
                changes.add(removal(recorded, PlannedChange.REMOVED));
            }
        }
        for (DesiredInvocation d : desired) {
            changes.add(state.get(d.id()).map(r -> compare(d, r)).orElseGet(() -> create(d)));
        }
        return new Plan(changes);
    }

    /**
     * The plan of the {@code destroy} goal: every recorded id, or only those in {@code only} when it is not
     * empty. Teardown runs in the reverse of the configuration order (as fixtures are torn down in reverse of
     * their setup); recorded ids that are no longer configured follow, in reverse id order.
     */
    public static Plan forDestroy(State state, Collection<String> only, List<String> configuredOrder) {
        List<String> order = new ArrayList<>();
        for (int i = configuredOrder.size() - 1; i >= 0; i--) {
            order.add(configuredOrder.get(i));
        }
        List<String> unconfigured = new ArrayList<>(state.invocations().keySet());
        unconfigured.removeAll(configuredOrder);
        java.util.Collections.reverse(unconfigured);
        order.addAll(unconfigured);

        List<PlannedChange> changes = new ArrayList<>();
        for (String id : order) {
            state.get(id)
                    .filter(r -> only.isEmpty() || only.contains(id))
                    .ifPresent(r -> changes.add(removal(r, PlannedChange.DESTROY)));
        }
        return new Plan(changes);
    }

    private static PlannedChange create(DesiredInvocation d) {
        return new PlannedChange(d.id(), Action.CREATE, List.of(PlannedChange.NEW), List.of(createCall(d)), null, d);
    }

    private static PlannedChange removal(RecordedInvocation r, String reason) {
        if (r.scope() == LifecycleScope.CRUD) {
            return new PlannedChange(r.id(), Action.DELETE, List.of(reason), List.of(deleteCall(r)), r, null);
        }
        return new PlannedChange(r.id(), Action.FORGET, List.of(reason), List.of(), r, null);
    }

    private static PlannedChange compare(DesiredInvocation d, RecordedInvocation r) {
        List<String> changed = changedFields(d, r);
        if (changed.isEmpty()) {
            return new PlannedChange(d.id(), Action.NO_OP, List.of(), List.of(), r, d);
        }
        if (changed.equals(List.of(SENSITIVE))) {
            // only how the plugin treats the values changed: record it, call nothing
            return new PlannedChange(d.id(), Action.UPDATE, changed, List.of(), r, d);
        }
        boolean replace = changed.contains(FUNCTION_NAME) || changed.contains(QUALIFIER)
                || changed.contains(REGION) || changed.contains(TRIGGERS)
                || (changed.contains(INPUT) && d.scope() == LifecycleScope.CREATE_ONLY);
        if (replace) {
            List<PlannedCall> calls = new ArrayList<>();
            if (r.scope() == LifecycleScope.CRUD) {
                calls.add(deleteCall(r));
            }
            calls.add(createCall(d));
            return new PlannedChange(d.id(), Action.REPLACE, changed, calls, r, d);
        }
        List<PlannedCall> calls = d.scope() == LifecycleScope.CRUD
                ? List.of(PlannedCall.crudUpdate(d.target(), d.input(), r.input(), d.terraformKey()))
                : List.of();
        return new PlannedChange(d.id(), Action.UPDATE, changed, calls, r, d);
    }

    /** The fields that differ, in a fixed order. */
    static List<String> changedFields(DesiredInvocation d, RecordedInvocation r) {
        List<String> changed = new ArrayList<>();
        if (!d.target().functionName().equals(r.target().functionName())) {
            changed.add(FUNCTION_NAME);
        }
        if (!d.target().qualifier().equals(r.target().qualifier())) {
            changed.add(QUALIFIER);
        }
        if (!Objects.equals(d.target().region(), r.target().region())) {
            changed.add(REGION);
        }
        if (!d.triggers().equals(r.triggers())) {
            changed.add(TRIGGERS);
        }
        if (!Json.sameValue(d.input(), r.input())) {
            changed.add(INPUT);
        }
        if (d.scope() != r.scope()) {
            changed.add(LIFECYCLE_SCOPE);
        }
        if (!d.terraformKey().equals(r.terraformKey())) {
            changed.add(TERRAFORM_KEY);
        }
        if (d.sensitive() != r.sensitive()) {
            changed.add(SENSITIVE);
        }
        return changed;
    }

    private static PlannedCall createCall(DesiredInvocation d) {
        return d.scope() == LifecycleScope.CRUD
                ? PlannedCall.crudCreate(d.target(), d.input(), d.terraformKey())
                : PlannedCall.raw(d.target(), d.inputText());
    }

    private static PlannedCall deleteCall(RecordedInvocation r) {
        return PlannedCall.crudDelete(r.target(), r.input(), r.terraformKey());
    }
}
