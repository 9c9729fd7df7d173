package io.github.lambdainvocation.reliability;

/** Where a reliability run aims its SIGKILL, and what it means for the kill to have landed there. */
enum KillPoint {
    /** A random moment after the child JVM was started. */
    JVM_START("jvm-start", "before the state lock"),
    /** Just after the child took the state lock: it reads the state, plans and builds its Lambda client. */
    PLANNING("planning", "before the first state write"),
    /** A random moment after the function received its n-th call, before its slow answer. */
    MID_CALL("mid-call", "with a call in flight"),
    /** As soon as the function answered its n-th call. */
    AFTER_REPLY("after-reply", "between a reply and its record"),
    /** As soon as the child begins its n-th state write. */
    STATE_WRITE("state-write", "inside the write");

    final String label;
    /** What {@code landed} counts for this point. */
    final String landed;

    KillPoint(String label, String landed) {
        this.label = label;
        this.landed = landed;
    }
}
