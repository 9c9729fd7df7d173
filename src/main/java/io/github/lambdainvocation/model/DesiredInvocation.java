package io.github.lambdainvocation.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checked invocation: what the configuration wants to have been sent, and how to send it.
 *
 * @param id the state key
 * @param spec what is sent (its code is set by the planner, with triggerOnCodeChange)
 * @param inputText the input exactly as written (what CREATE_ONLY sends)
 * @param inputSource where the input came from, for messages ({@code <input>} or {@code <inputFile> path})
 * @param timeout how long a call waits for the function's answer
 * @param outputs values to pick from the result: name to JSON pointer
 * @param triggerOnCodeChange whether a new version of the function's code replaces it
 */
public record DesiredInvocation(
        String id,
        InvocationSpec spec,
        String inputText,
        String inputSource,
        Duration timeout,
        Map<String, String> outputs,
        boolean triggerOnCodeChange) {

    public DesiredInvocation {
        timeout = timeout == null ? Defaults.CALL_TIMEOUT : timeout;
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** The same invocation wanting another spec. */
    public DesiredInvocation with(InvocationSpec newSpec, String newInputText) {
        return new DesiredInvocation(id, newSpec, newInputText, inputSource, timeout, outputs, triggerOnCodeChange);
    }

    public Target target() {
        return spec.target();
    }
}
