package io.github.lambdainvocation.state;

/** Where the state lives. Implementations: a local file; S3 later. */
public interface StateStore {

    /** Where the state is, for messages ("target/lambda-invocation/state.json"). */
    String location();

    /** The recorded state; an empty state when none was written yet. Never changes what is stored. */
    State read() throws StateException;

    /** Replaces the stored state, so that a crash leaves either the old or the new state, never a mix. */
    void write(State state) throws StateException;

    /**
     * Takes the store's lock for a run that changes state; waits while another build holds it.
     * Close the returned lock to release it.
     */
    Lock lock() throws StateException;

    /** A held lock. */
    interface Lock extends AutoCloseable {
        @Override
        void close() throws StateException;
    }
}
