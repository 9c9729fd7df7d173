package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.model.InvocationType;
import java.time.Duration;

/**
 * How to make one call.
 *
 * @param timeout how long to wait for the function's answer before giving up (it may still be running)
 * @param sensitive whether the input, the result and the function's error and log must never be printed
 * @param type RequestResponse (wait for the result) or Event (asynchronous)
 */
public record CallOptions(Duration timeout, boolean sensitive, InvocationType type) {

    public static final CallOptions DEFAULT = new CallOptions(io.github.lambdainvocation.model.Defaults.CALL_TIMEOUT, false, InvocationType.RequestResponse);

    public CallOptions(Duration timeout, boolean sensitive) {
        this(timeout, sensitive, InvocationType.RequestResponse);
    }
}
