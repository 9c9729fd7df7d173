package io.github.lambdainvocation.model;

/** How a call is made, with Lambda's names. */
public enum InvocationType {
    /** Synchronous: wait for the function, fail on its errors, keep its result (the default). */
    RequestResponse,
    /**
     * Asynchronous: Lambda queues the event and answers at once. Recorded when accepted; there is no result, and
     * a failure of the function cannot be seen by the build.
     */
    Event
}
