package io.github.lambdainvocation.state;

import io.github.lambdainvocation.model.State;
import java.util.Optional;

/** Where the state lives: a local file, or an object in S3. */
public interface StateStore extends AutoCloseable {

    /** Where the state is, for messages ("target/lambda-invocation/state.json", "s3://bucket/key"). */
    String location();

    /** The recorded state; an empty state when none was written yet. Never changes what is stored. */
    State read() throws StateException;

    /** What {@link #version()} says when no state is stored. */
    String NO_STATE = "none";

    /**
     * The version of the state as this store last read or wrote it (reading it first when it has not yet), so
     * that a saved plan can tell whether the state changed since: the S3 object's ETag, the SHA-256 of a local
     * file's bytes, or {@link #NO_STATE}. Costs no request when the state was read already.
     */
    default String version() throws StateException {
        throw new StateException("The state " + location() + " cannot tell its version.", false);
    }

    /** Whether a state is stored at all (an empty state may be stored too). */
    boolean exists() throws StateException;

    /**
     * Replaces the stored state, so that a crash leaves either the old or the new state, never a mix. A store
     * that can detect it refuses to overwrite a state someone else wrote since this store's last read or write.
     */
    void write(State state) throws StateException;

    /**
     * Takes the store's lock for a run that changes state; waits or fails while another build holds it.
     * Close the returned lock to release it.
     */
    Lock lock() throws StateException;

    /** Who holds the lock now, when the store can tell. */
    default Optional<LockInfo> currentLock() throws StateException {
        return Optional.empty();
    }

    /** Removes a lock left by a build that died, when its id is {@code lockId}. */
    default void forceUnlock(String lockId) throws StateException {
        throw new StateException("The state " + location() + " has no lock to break: a local state file is"
                + " locked by the operating system only while a build runs.", true);
    }

    @Override
    default void close() {}

    /** A held lock. */
    interface Lock extends AutoCloseable {
        @Override
        void close() throws StateException;
    }
}
