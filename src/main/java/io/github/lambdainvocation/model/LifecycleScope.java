package io.github.lambdainvocation.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** When an invocation calls its function; the same two values as Terraform's {@code lifecycle_scope}. */
public enum LifecycleScope {
    /** Invoke on create and on replacement only, with the input sent exactly as written. */
    CREATE_ONLY,
    /** Invoke on create, update and delete, adding the lifecycle key to the input object. */
    CRUD,
    /**
     * Invoke on every run of the invoke goal (Terraform's data source): the input as written, no lifecycle key,
     * the result refreshed each time. Never invoked by status; forgotten without a call when removed.
     */
    EVERY_RUN;

    /** The scope with exactly this name (case matters, as in Terraform). */
    public static Optional<LifecycleScope> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    /** "CREATE_ONLY, CRUD", for error messages. */
    public static String validNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
