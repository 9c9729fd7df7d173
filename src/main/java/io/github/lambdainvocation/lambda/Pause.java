package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.model.Target;
import java.time.Duration;

/** The sleep before a call is sent again or a function is looked at again, before anything was invoked. */
final class Pause {

    private Pause() {}

    /** Sleeps {@code wait}; an interrupt ends the wait with a {@link LambdaCallException}: the call did not run. */
    static void sleep(Target target, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LambdaCallException(target, "Interrupted while waiting to call " + target.describe()
                    + "; it did not run.", false, false, e);
        }
    }
}
