package io.github.lambdainvocation.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.Target;
import java.time.Instant;
import java.util.SortedMap;

/**
 * What the state says was last sent for one invocation id, and what came back.
 *
 * @param id the invocation id
 * @param target where it was sent
 * @param scope the lifecycle scope it was sent under
 * @param terraformKey the lifecycle key in force when it was sent
 * @param triggers the triggers in force when it was sent
 * @param input the input (without any lifecycle key), as a JSON value
 * @param result the function's response payload; null only when it was never invoked (a state-only change)
 * @param executedVersion the function version that ran, as Lambda reported it; may be null
 * @param invokedAt when the recorded result was received
 * @param sensitive whether the invocation was marked sensitive (its delete must not print its error or log)
 * @param dependsOn the ids it depended on (teardown runs in the reverse order)
 * @param code the function's code when it was invoked, recorded with {@code triggerOnCodeChange}; else null
 */
public record RecordedInvocation(
        String id,
        Target target,
        LifecycleScope scope,
        String terraformKey,
        SortedMap<String, String> triggers,
        JsonNode input,
        String result,
        String executedVersion,
        Instant invokedAt,
        boolean sensitive,
        java.util.List<String> dependsOn,
        io.github.lambdainvocation.model.CodeVersion code) {

    public RecordedInvocation {
        dependsOn = dependsOn == null ? java.util.List.of() : java.util.List.copyOf(dependsOn);
    }

    /** The same record with another result (after a call). */
    public RecordedInvocation withResult(String newResult, String newExecutedVersion, Instant at) {
        return new RecordedInvocation(id, target, scope, terraformKey, triggers, input, newResult, newExecutedVersion,
                at, sensitive, dependsOn, code);
    }
}
