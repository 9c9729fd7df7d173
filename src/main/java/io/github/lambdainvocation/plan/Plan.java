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
        return changes.stream().anyMatch(c -> !c.calls().isEmpty());
    }

    /** Whether applying this plan changes the state. */
    public boolean changesState() {
        return changes.stream().anyMatch(PlannedChange::changesState);
    }

    public int callCount() {
        return changes.stream().mapToInt(c -> c.calls().size()).sum();
    }

    /** How many changes of each action, every action present (zero when none). */
    public Map<Action, Integer> countByAction() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            counts.put(a, 0);
        }
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        return counts;
    }
}
