package io.github.lambdainvocation.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.payload.Placeholders;
import java.util.SortedMap;

/**
 * A checked invocation: what the configuration wants to have been sent.
 *
 * @param id the state key
 * @param target where it goes
 * @param input the input as a JSON value (what is compared and recorded)
 * @param inputText the input exactly as written (what CREATE_ONLY sends)
 * @param scope the lifecycle scope
 * @param terraformKey the lifecycle key CRUD adds to the input
 * @param triggers values whose change forces a replacement
 * @param inputSource the POM element the input came from, for messages ({@code <input>} or {@code <inputFile>})
 * @param timeout how long a call waits for the function's answer
 * @param sensitive whether input, result and the function's errors and logs must never be printed
 * @param dependsOn the ids that run before it: those configured, and those its placeholders read
 * @param outputs values to pick from the result: name to JSON pointer
 * @param invocationType RequestResponse, or Event (asynchronous)
 * @param triggerOnCodeChange whether a new version of the function's code replaces it
 */
public record DesiredInvocation(
        String id,
        Target target,
        JsonNode input,
        String inputText,
        LifecycleScope scope,
        String terraformKey,
        SortedMap<String, String> triggers,
        String inputSource,
        java.time.Duration timeout,
        boolean sensitive,
        java.util.List<String> dependsOn,
        java.util.Map<String, String> outputs,
        InvocationType invocationType,
        boolean triggerOnCodeChange) {

    public static final String DEFAULT_TERRAFORM_KEY = "tf";

    public DesiredInvocation {
        dependsOn = java.util.List.copyOf(dependsOn);
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }

    /** Whether the input reads the results of other invocations. */
    public boolean hasPlaceholders() {
        return !Placeholders.find(input).isEmpty();
    }

    /**
     * This invocation with its placeholders replaced by the results of the invocations it reads; a CREATE_ONLY
     * or EVERY_RUN input with placeholders is then sent as compact JSON rather than as written.
     */
    public DesiredInvocation resolved(java.util.function.Function<String, String> resultOf) {
        if (!hasPlaceholders()) {
            return this;
        }
        com.fasterxml.jackson.databind.JsonNode value = Placeholders.resolve(input, resultOf);
        return new DesiredInvocation(id, target, value, io.github.lambdainvocation.json.Json.write(value), scope,
                terraformKey, triggers, inputSource, timeout, sensitive, dependsOn, outputs, invocationType,
                triggerOnCodeChange);
    }
}
