package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.config.Target;

/** Sends one synchronous (RequestResponse) invocation. */
public interface LambdaInvoker extends AutoCloseable {

    /**
     * Invokes {@code target} with {@code payload} and waits for the function to finish.
     *
     * @throws FunctionErrorException when the function ran and reported an error
     * @throws LambdaCallException when Lambda refused the call or no answer arrived
     */
    InvocationResult invoke(Target target, byte[] payload, CallOptions options) throws LambdaCallException;

    default InvocationResult invoke(Target target, byte[] payload) throws LambdaCallException {
        return invoke(target, payload, CallOptions.DEFAULT);
    }

    @Override
    void close();
}
