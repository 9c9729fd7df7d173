package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.apply.ApplyReport;
import io.github.lambdainvocation.plan.Plan;
import java.util.Map;

/**
 * What an invoke or destroy run planned and did.
 *
 * @param plan the plan that was applied
 * @param report what was done
 * @param results the result of every invocation still recorded, by id (empty after destroy)
 */
public record RunOutcome(Plan plan, ApplyReport report, Map<String, String> results) {}
