package io.github.lambdainvocation.model;

import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.model.State;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a run did.
 *
 * @param applied how many changes of each action were completed
 * @param calls how many Lambda invocations succeeded
 * @param state the state after the run
 */
public record ApplyReport(Map<Action, Integer> applied, int calls, State state) {

    /** "2 created, 1 updated, 0 replaced, ... (3 Lambda invocations)". */
    public String summary() {
        StringJoiner counts = new StringJoiner(", ");
        for (Action a : Action.values()) {
            int n = applied.getOrDefault(a, 0);
            if (n > 0 || (a != Action.REFRESH && a != Action.INTERRUPTED)) {
                counts.add(n + " " + pastTense(a));
            }
        }
        return counts + " (" + calls + " Lambda invocation" + (calls == 1 ? "" : "s") + ")";
    }

    static String pastTense(Action a) {
        return switch (a) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case REPLACE -> "replaced";
            case DELETE -> "deleted";
            case FORGET -> "forgotten";
            case REFRESH -> "refreshed";
            case INTERRUPTED -> "recovered";
            case NO_OP -> "unchanged";
        };
    }
}
