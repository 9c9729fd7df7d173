package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.model.Graph;
import io.github.lambdainvocation.model.CodeVersion;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.payload.Placeholders;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the configuration wants with what the state recorded, and decides what to invoke. Pure: no I/O.
 *
 * <p>The rules follow Terraform's {@code aws_lambda_invocation}:
 * <ul>
 *   <li>a change of function, qualifier, region or triggers replaces; so does a change of input under
 *       CREATE_ONLY (the scope wanted now decides), a new code version with {@code triggerOnCodeChange}, and
 *       {@code -Dlambda-invocation.replace};</li>
 *   <li>a replacement of something recorded under CRUD first sends {@code delete} to the old target with the
 *       recorded input, then creates;</li>
 *   <li>any other change is an update: under CRUD an {@code update} invocation whose {@code prev_input} is the
 *       recorded input; under CREATE_ONLY only the state changes (CREATE_ONLY promises create and replace
 *       only; Terraform re-sends the input here, we deliberately do not);</li>
 *   <li>an id that is recorded but no longer configured is deleted (CRUD) or forgotten (CREATE_ONLY,
 *       EVERY_RUN);</li>
 *   <li>EVERY_RUN invocations are invoked on every run;</li>
 *   <li>marking an invocation sensitive, or no longer, only changes the state.</li>
 * </ul>
 *
 * <p>A plan has three phases: calls a dead build left with an unknown outcome (sent again, or acknowledged),
 * then removals (dependents first), then the configured invocations (dependencies first). The change of each
 * configured invocation follows the rules above in {@link ChangeRules}.
 */
public final class Planner {

    public static final String REPLACE_REQUESTED = "replace requested";
    public static final String EVERY_RUN = "every run";
    public static final String OUTCOME_UNKNOWN = "outcome unknown";
    public static final String ACKNOWLEDGED = "acknowledged";

    /**
     * What a run asks beyond the configuration.
     *
     * @param replace ids to replace even when nothing changed ({@code -Dlambda-invocation.replace})
     * @param acknowledge ids whose interrupted call is to be recorded as done without sending it again
     * @param code the current code version of each invocation with {@code triggerOnCodeChange}
     */
    public record Options(Set<String> replace, Set<String> acknowledge, Map<String, CodeVersion> code) {
        public static final Options NONE = new Options(Set.of(), Set.of(), Map.of());
    }

    private Planner() {}

    public static Plan forInvoke(List<DesiredInvocation> desired, State state) {
        return forInvoke(desired, state, Options.NONE);
    }

    /** The plan of the {@code invoke} goal. */
    public static Plan forInvoke(List<DesiredInvocation> desired, State state, Options options) {
        List<PlannedChange> changes = new ArrayList<>(recoveries(state, options));
        State settled = afterRecovery(state, options);
        changes.addAll(removals(settled, unconfigured(desired, settled), PlannedChange.REMOVED));
        for (PlannedChange change : configuredChanges(desired, settled, options).values()) {
            boolean recovered = state.pending().containsKey(change.id());
            if (!(recovered && change.action() == Action.NO_OP)) {
                changes.add(change); // after a recovery, "no-op" would only repeat its line
            }
        }
        return new Plan(changes);
    }

    /** The recorded ids no longer configured, in the state's order. */
    private static List<String> unconfigured(List<DesiredInvocation> desired, State settled) {
        Set<String> configured = new LinkedHashSet<>();
        for (DesiredInvocation d : desired) {
            configured.add(d.id());
        }
        List<String> orphans = new ArrayList<>(settled.invocations().keySet());
        orphans.removeAll(configured);
        return orphans;
    }

    /** The change of each configured invocation, planned in dependency order (dependencies first), by id. */
    private static Map<String, PlannedChange.Configured> configuredChanges(List<DesiredInvocation> desired,
            State settled, Options options) {
        Map<String, DesiredInvocation> byId = new LinkedHashMap<>();
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (DesiredInvocation d : desired) {
            byId.put(d.id(), d);
            edges.put(d.id(), d.spec().dependsOn());
        }
        Map<String, PlannedChange.Configured> planned = new LinkedHashMap<>();
        for (String id : new Graph(edges).order()) {
            DesiredInvocation d = byId.get(id);
            planned.put(id, configuredChange(d, settled, options, changing(d, planned)).after(d.spec().dependsOn()));
        }
        return planned;
    }

    /** The dependencies of {@code d} already planned to call something, or deferred themselves. */
    private static List<String> changing(DesiredInvocation d, Map<String, PlannedChange.Configured> planned) {
        List<String> changing = new ArrayList<>();
        for (String dep : d.spec().dependsOn()) {
            PlannedChange.Configured change = planned.get(dep);
            if (change != null && (change.deferred() || !change.calls().isEmpty())) {
                changing.add(dep);
            }
        }
        return List.copyOf(changing);
    }

    /**
     * The change of one configured invocation: deferred when its input reads results of {@code changing}
     * dependencies, else planned on its input with the recorded results it reads filled in.
     */
    private static PlannedChange.Configured configuredChange(DesiredInvocation d, State settled, Options options,
            List<String> changing) {
        RecordedInvocation r = settled.get(d.id()).orElse(null);
        CodeVersion code = d.triggerOnCodeChange() ? options.code().get(d.id()) : null;
        boolean replace = options.replace().contains(d.id());
        if (Placeholders.readsResults(d) && !changing.isEmpty()) {
            return ChangeRules.deferred(d, r, code, replace, changing);
        }
        return ChangeRules.change(withRecordedResults(d, settled), r, code, replace);
    }

    /** {@code d} with the recorded results its input reads filled in. */
    private static DesiredInvocation withRecordedResults(DesiredInvocation d, State settled) {
        try {
            return Placeholders.resolve(d, dep -> settled.get(dep).map(RecordedInvocation::result).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invocation '" + d.id() + "': " + d.inputSource() + " reads "
                    + e.getMessage());
        }
    }

    /**
     * The plan of the {@code destroy} goal: every recorded id, or only those in {@code only} when it is not
     * empty. Teardown runs dependents first; among independent ids, in the reverse of the configuration order
     * (as fixtures are torn down in reverse of their setup), then recorded ids no longer configured in reverse
     * id order.
     */
    public static Plan forDestroy(State state, Collection<String> only, List<String> configuredOrder) {
        return forDestroy(state, only, configuredOrder, Options.NONE);
    }

    public static Plan forDestroy(State state, Collection<String> only, List<String> configuredOrder,
            Options options) {
        List<PlannedChange> changes = new ArrayList<>(recoveries(state, options));
        State settled = afterRecovery(state, options);
        List<String> order = new ArrayList<>();
        for (int i = configuredOrder.size() - 1; i >= 0; i--) {
            order.add(configuredOrder.get(i));
        }
        List<String> unconfigured = new ArrayList<>(settled.invocations().keySet());
        unconfigured.removeAll(configuredOrder);
        Collections.reverse(unconfigured);
        order.addAll(unconfigured);
        List<String> selected = order.stream()
                .filter(id -> settled.get(id).isPresent() && (only.isEmpty() || only.contains(id)))
                .toList();
        changes.addAll(removals(settled, selected, PlannedChange.DESTROY));
        return new Plan(changes);
    }

    /**
     * The change that brings {@code r} (null: nothing recorded) to {@code d}, whose input has no placeholders
     * left. Used when planning, and again when a deferred change starts.
     */
    public static PlannedChange.Configured change(DesiredInvocation wanted, RecordedInvocation r, CodeVersion code,
            boolean replaceRequested) {
        return ChangeRules.change(wanted, r, code, replaceRequested);
    }

    /** Calls left pending by a dead build: sent again, or recorded as done when acknowledged. */
    private static List<PlannedChange> recoveries(State state, Options options) {
        List<PlannedChange> changes = new ArrayList<>();
        for (PendingCall p : state.pending().values()) {
            boolean acknowledged = options.acknowledge().contains(p.id());
            List<PlannedCall> calls = acknowledged
                    ? List.of()
                    : List.of(PlannedCall.resend(p.target(), p.payload(), p.event()));
            changes.add(new PlannedChange.Recovery(
                    acknowledged ? List.of(OUTCOME_UNKNOWN, ACKNOWLEDGED) : List.of(OUTCOME_UNKNOWN), calls,
                    state.get(p.id()), p));
        }
        return changes;
    }

    /** The state as it will be once every interrupted call is settled (its result still unknown). */
    static State afterRecovery(State state, Options options) {
        State settled = state;
        for (PendingCall p : state.pending().values()) {
            settled = (p.then() == null ? settled.without(p.id()) : settled.with(p.then())).withoutPending(p.id());
        }
        return settled;
    }

    /** Removals of {@code ids} (in that order among independent ones), dependents first. */
    private static List<PlannedChange> removals(State state, List<String> ids, String reason) {
        Map<String, List<String>> dependents = new LinkedHashMap<>();
        for (String id : ids) {
            dependents.put(id, new ArrayList<>());
        }
        for (String id : ids) {
            for (String dep : state.get(id).map(r -> r.spec().dependsOn()).orElse(List.of())) {
                if (dependents.containsKey(dep)) {
                    dependents.get(dep).add(id);
                }
            }
        }
        Graph teardown = new Graph(dependents);
        boolean cyclic = teardown.cycle().isPresent(); // recorded by hand or by an older run: keep the given order
        List<String> order = cyclic ? ids : teardown.order();
        List<PlannedChange> changes = new ArrayList<>();
        for (String id : order) {
            RecordedInvocation r = state.get(id).orElseThrow();
            List<String> after = cyclic ? List.of() : dependents.get(id);
            changes.add(r.spec().scope() == LifecycleScope.CRUD
                    ? new PlannedChange.Removal(id, Action.DELETE, List.of(reason), List.of(ChangeRules.deleteCall(r)), r, after)
                    : new PlannedChange.Removal(id, Action.FORGET, List.of(reason), List.of(), r, after));
        }
        return changes;
    }
}
