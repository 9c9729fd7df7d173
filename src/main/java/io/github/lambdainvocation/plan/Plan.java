package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.model.Action;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The changes of one run, in the order they are applied. */
public record Plan(List<PlannedChange> changes) {

    public Plan {
        changes = List.copyOf(changes);
    }

    /** Whether applying this plan calls Lambda at all. */
    public boolean hasCalls() {
        return callCount() > 0;
    }

    /** Whether applying this plan changes the state. */
    public boolean changesState() {
        for (PlannedChange change : changes) {
            if (change.changesState()) {
                return true;
            }
        }
        return false;
    }

    public int callCount() {
        int calls = 0;
        for (PlannedChange change : changes) {
            calls += change.calls().size();
        }
        return calls;
    }

    /** How many changes of each action, every action present (zero when none). */
    public Map<Action, Integer> countByAction() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            counts.put(a, 0);
        }
        for (PlannedChange change : changes) {
            counts.put(change.action(), counts.get(change.action()) + 1);
        }
        return counts;
    }
}
