package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.lambda.LambdaInvoker;
import java.util.function.Supplier;

/** Creates the Lambda invoker on first use only, and closes it if it was created. */
final class OnDemandInvoker implements Supplier<LambdaInvoker>, AutoCloseable {

    private final Supplier<LambdaInvoker> factory;
    private LambdaInvoker invoker;

    OnDemandInvoker(Supplier<LambdaInvoker> factory) {
        this.factory = factory;
    }

    @Override
    public synchronized LambdaInvoker get() {
        if (invoker == null) {
            invoker = factory.get();
        }
        return invoker;
    }

    @Override
    public synchronized void close() {
        if (invoker != null) {
            invoker.close();
            invoker = null;
        }
    }
}
