package io.github.lambdainvocation.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a call is made, with Lambda's names. */
public enum InvocationType {
    /** Synchronous: wait for the function, fail on its errors, keep its result (the default). */
    RequestResponse,
    /**
     * Asynchronous: Lambda queues the event and answers at once. Recorded when accepted; there is no result, and
     * a failure of the function cannot be seen by the build.
     */
    Event;

    public static Optional<InvocationType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    public static String validNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
