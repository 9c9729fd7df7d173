package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.model.Target;

/** Sends one synchronous (RequestResponse) invocation. */
public interface LambdaInvoker extends AutoCloseable {

    /**
     * Invokes {@code target} with {@code payload} and waits for the function to finish.
     *
     * @throws FunctionErrorException when the function ran and reported an error
     * @throws LambdaCallException when Lambda refused the call or no answer arrived
     */
    InvocationResult invoke(Target target, byte[] payload, CallOptions options) throws LambdaCallException;

    /**
     * Checks, before anything is sent or recorded, what can be known without calling a function: a region for
     * every target, and credentials. Nothing is sent to Lambda.
     *
     * @param targets every target to call, with what calls it ("invocation 'seed-db'") for messages
     */
    default void prepare(java.util.Map<Target, String> targets) throws LambdaCallException {}

    /** The code the function runs for {@code target}'s qualifier (GetFunction). */
    io.github.lambdainvocation.model.CodeVersion codeVersion(Target target) throws LambdaCallException;

    /** A DryRun invocation: checks that the function exists and may be invoked, without running it. */
    void dryRun(Target target, byte[] payload) throws LambdaCallException;

    default InvocationResult invoke(Target target, byte[] payload) throws LambdaCallException {
        return invoke(target, payload, CallOptions.DEFAULT);
    }

    @Override
    void close();
}
