package io.github.lambdainvocation.config;

import com.fasterxml.jackson.databind.JsonNode;
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
        boolean sensitive) {

    public static final String DEFAULT_TERRAFORM_KEY = "tf";
}
