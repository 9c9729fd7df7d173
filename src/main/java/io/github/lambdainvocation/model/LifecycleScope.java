package io.github.lambdainvocation.model;

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
    EVERY_RUN
}
