package io.github.lambdainvocation.model;

/** What a run does about one invocation id, in the words of {@code terraform plan}. */
public enum Action {
    /** Not recorded yet: invoke and record. */
    CREATE("create", "+"),
    /** Recorded, changed in place: a CRUD {@code update} invocation, or (CREATE_ONLY) a state-only change. */
    UPDATE("update", "~"),
    /** Recorded, changed in a way that forces a new invocation (and, for CRUD, a delete of the old one). */
    REPLACE("replace", "-/+"),
    /** Recorded under CRUD and going away: a {@code delete} invocation, then forgotten. */
    DELETE("delete", "-"),
    /** Recorded under CREATE_ONLY and going away: forgotten without an invocation. */
    FORGET("forget", "x"),
    /** Invoked on every run (lifecycleScope EVERY_RUN): the result is refreshed. */
    REFRESH("refresh", "<="),
    /** A call a dead build sent without recording its outcome: sent again, or acknowledged as done. */
    INTERRUPTED("interrupted", "!"),
    /** Nothing changed: no invocation, no state change. */
    NO_OP("no-op", " ");

    private final String label;
    private final String symbol;

    Action(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    /** The word used in logs and status.json. */
    public String label() {
        return label;
    }

    /** The plan's margin symbol. */
    public String symbol() {
        return symbol;
    }
}
