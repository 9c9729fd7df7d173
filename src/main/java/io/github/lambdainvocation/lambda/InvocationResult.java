package io.github.lambdainvocation.lambda;

/**
 * A successful invocation.
 *
 * @param payload the function's response payload (its {@code result})
 * @param executedVersion the version that ran, from {@code X-Amz-Executed-Version}; may be null
 * @param logTail the decoded last 4 KB of the function's log; may be null
 * @param attempts how many requests were sent (more than one only after throttling or refused connections)
 */
public record InvocationResult(String payload, String executedVersion, String logTail, int attempts) {}
