package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.model.ApplyReport;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.plan.Plan;
import java.util.Map;

/**
 * What an invoke or destroy run planned and did.
 *
 * @param plan the plan that was applied
 * @param report what was done
 * @param results the project properties to set: {@code lambda-invocation.<id>.result} of every recorded result
 *     and {@code lambda-invocation.<id>.<name>} of every output (empty after destroy)
 */
public record RunOutcome(Plan plan, ApplyReport report, Map<String, String> results) {

    /** A run that found nothing to do and did nothing. */
    static RunOutcome nothing(Plan empty) {
        return new RunOutcome(empty, new ApplyReport(empty.countByAction(), 0, State.empty()), Map.of());
    }
}
