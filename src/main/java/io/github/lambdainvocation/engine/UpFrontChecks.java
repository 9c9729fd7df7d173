package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.payload.PayloadBuilder;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.plan.Plan;
import io.github.lambdainvocation.plan.PlannedChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What is checked before anything is written or sent: the ids a run names, payload sizes, offline mode. */
final class UpFrontChecks {

    private UpFrontChecks() {}

    /** The ids to replace must be configured. */
    static void replaceIds(Set<String> replace, List<DesiredInvocation> desired) {
        Set<String> unknown = new LinkedHashSet<>(replace);
        for (DesiredInvocation d : desired) {
            unknown.remove(d.id());
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("{{-replace}} names " + unknown + ", which "
                    + (unknown.size() == 1 ? "is" : "are") + " not configured. Configured ids: "
                    + desired.stream().map(DesiredInvocation::id).toList());
        }
    }

    /** The ids to acknowledge must have an interrupted call. */
    static void acknowledgeIds(Set<String> acknowledge, State state) {
        Set<String> unknown = new LinkedHashSet<>(acknowledge);
        unknown.removeAll(state.pending().keySet());
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("{{-acknowledge}} names " + unknown + ", which "
                    + (unknown.size() == 1 ? "has" : "have") + " no interrupted call. Interrupted: "
                    + new TreeSet<>(state.pending().keySet()));
        }
    }

    /** The ids to destroy must be configured or recorded. */
    static void destroyIds(Set<String> ids, Collection<String> configured, State state) {
        Set<String> unknown = new LinkedHashSet<>(ids);
        unknown.removeAll(configured);
        unknown.removeAll(state.invocations().keySet());
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("{{-ids}} names " + unknown
                    + ", which is neither configured nor recorded. Recorded ids: "
                    + new TreeSet<>(state.invocations().keySet()));
        }
    }

    /** Lambda refuses synchronous payloads over 6 MB; say so for every known payload before anything is sent. */
    static void payloads(Plan plan) {
        List<String> problems = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            if (change.deferred()) {
                continue; // its payload is known only when it runs, and checked then
            }
            for (PlannedCall call : change.calls()) {
                String problem = PayloadBuilder.sizeProblem(PayloadBuilder.build(call));
                if (problem != null) {
                    String source = change instanceof PlannedChange.Configured configured
                            ? configured.desired().inputSource()
                            : "the recorded input";
                    problems.add("invocation '" + change.id() + "': " + source + " makes the " + call.event()
                            + " payload " + problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    /** An offline build cannot call Lambda. */
    static void online(Plan plan, boolean offline) {
        if (plan.hasCalls() && offline) {
            int calls = plan.callCount();
            throw new ConfigurationException("{{@Offline}}, and this run has " + calls + " Lambda invocation"
                    + (calls == 1 ? "" : "s") + " to make. Run {{@online}}, or use the status goal to see the plan.");
        }
    }
}
