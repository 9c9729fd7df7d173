package io.github.lambdainvocation.state;

/** Another build holds the state's lock. */
public final class StateLockedException extends StateException {

    private final LockInfo holder;

    public StateLockedException(String message, LockInfo holder) {
        super(message, true);
        this.holder = holder;
    }

    public LockInfo holder() {
        return holder;
    }
}
