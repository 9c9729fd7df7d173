package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.model.Defaults;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.InvocationType;
import java.time.Duration;

/**
 * How to make one call.
 *
 * @param timeout how long to wait for the function's answer before giving up (it may still be running)
 * @param sensitive whether the input, the result and the function's error and log must never be printed
 * @param type RequestResponse (wait for the result) or Event (asynchronous)
 * @param spec what the call is made of, for request parts beyond the payload; null when unknown (tests)
 */
public record CallOptions(Duration timeout, boolean sensitive, InvocationType type, InvocationSpec spec) {

    public static final CallOptions DEFAULT = new CallOptions(Defaults.CALL_TIMEOUT, false);

    public CallOptions(Duration timeout, boolean sensitive, InvocationType type) {
        this(timeout, sensitive, type, null);
    }

    public CallOptions(Duration timeout, boolean sensitive) {
        this(timeout, sensitive, InvocationType.RequestResponse);
    }
}
