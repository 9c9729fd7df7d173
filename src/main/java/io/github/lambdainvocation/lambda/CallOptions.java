package io.github.lambdainvocation.lambda;

import java.time.Duration;

/**
 * How to make one call.
 *
 * @param timeout how long to wait for the function's answer before giving up (it may still be running)
 * @param sensitive whether the input, the result and the function's error and log must never be printed
 */
public record CallOptions(Duration timeout, boolean sensitive) {

    /** Lambda's 15-minute limit plus a margin for the network. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15).plusSeconds(30);

    public static final CallOptions DEFAULT = new CallOptions(DEFAULT_TIMEOUT, false);
}
