package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.LambdaInvocationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs jobs in order and in parallel: a job starts when the jobs it comes after (among those given) are done, at
 * most {@code parallelism} at once, and in the given order among those ready. After the first failure no job
 * starts; running ones finish; jobs after a failed one are never attempted. Knows nothing of Lambda or the state.
 *
 * @param <J> a job
 * @param <S> a job prepared to run
 */
public final class Scheduler<J, S> implements AutoCloseable {

    /** What running a job means. {@link #prepare} and {@link #starting} run in the scheduling thread. */
    public interface Steps<J, S> {
        /** Prepares a job about to start; empty when it is complete without running (nothing to call). */
        Optional<S> prepare(J job);

        /** The jobs prepared in one round are about to be submitted together. */
        void starting(List<S> round);

        /** Runs a prepared job, in a worker thread. */
        void run(S prepared);

        /** A round started nothing new. */
        void idle();
    }

    private final ExecutorService pool;
    private final int parallelism;
    private final Function<J, String> id;
    private final Function<J, List<String>> after;

    /**
     * @param id the id of a job
     * @param after the ids of the jobs a job comes after
     */
    public Scheduler(int parallelism, Function<J, String> id, Function<J, List<String>> after) {
        this.parallelism = Math.max(1, parallelism);
        this.id = id;
        this.after = after;
        this.pool = Executors.newFixedThreadPool(this.parallelism, r -> {
            Thread t = new Thread(r, "lambda-invocation");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code jobs}; returns the failures, in the order they happened (empty when all succeeded). */
    public List<LambdaInvocationException> run(List<J> jobs, Steps<J, S> steps) {
        Run run = new Run(jobs, steps);
        while (run.startReady() | run.hasRunning()) {
            if (run.hasRunning()) {
                run.awaitSome();
            }
        }
        return run.failures;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** One call of {@link #run}: its jobs and what became of them. */
    private final class Run {
        private final List<J> todo;
        private final Set<String> given = new HashSet<>();
        private final Set<String> done = new HashSet<>();
        private final Set<String> notDone = new HashSet<>();
        private final List<LambdaInvocationException> failures = new ArrayList<>();
        private final CompletionService<Outcome> completions = new ExecutorCompletionService<>(pool);
        private final Steps<J, S> steps;
        private int running;

        Run(List<J> jobs, Steps<J, S> steps) {
            this.todo = new ArrayList<>(jobs);
            this.steps = steps;
            jobs.forEach(j -> given.add(id.apply(j)));
        }

        boolean hasRunning() {
            return running > 0;
        }

        /** Starts every job that may start now; true while jobs are left to consider. */
        boolean startReady() {
            List<S> round = new ArrayList<>();
            List<String> roundIds = new ArrayList<>();
            for (J job : List.copyOf(todo)) {
                List<String> before = after.apply(job);
                if (!failures.isEmpty() || before.stream().anyMatch(notDone::contains)) {
                    todo.remove(job); // after a failure, or after a failed job: not attempted
                    notDone.add(id.apply(job));
                } else if (running + round.size() < parallelism
                        && before.stream().filter(given::contains).allMatch(done::contains)) {
                    todo.remove(job);
                    prepare(job).ifPresent(s -> {
                        round.add(s);
                        roundIds.add(id.apply(job));
                    });
                }
            }
            steps.starting(round);
            for (int i = 0; i < round.size(); i++) {
                S prepared = round.get(i);
                String jobId = roundIds.get(i);
                running++;
                completions.submit(() -> outcome(jobId, prepared));
            }
            if (round.isEmpty()) {
                steps.idle();
            }
            return !todo.isEmpty();
        }

        private Optional<S> prepare(J job) {
            try {
                Optional<S> prepared = steps.prepare(job);
                if (prepared.isEmpty()) {
                    done.add(id.apply(job));
                }
                return prepared;
            } catch (LambdaInvocationException e) {
                notDone.add(id.apply(job));
                failures.add(e);
                return Optional.empty();
            }
        }

        private Outcome outcome(String jobId, S prepared) {
            try {
                steps.run(prepared);
                return new Outcome(jobId, null);
            } catch (LambdaInvocationException e) {
                return new Outcome(jobId, e);
            }
        }

        /** Waits for at least one running job, and takes every one that finished. */
        void awaitSome() {
            record(take());
            for (Future<Outcome> more = completions.poll(); more != null; more = completions.poll()) {
                record(get(more));
            }
        }

        private void record(Outcome outcome) {
            running--;
            if (outcome.failure() == null) {
                done.add(outcome.id());
            } else {
                notDone.add(outcome.id());
                failures.add(outcome.failure());
            }
        }

        private Outcome take() {
            try {
                return get(completions.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LambdaInvocationException("Interrupted while invocations were running", false, e);
            }
        }
    }

    private static Outcome get(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LambdaInvocationException("Interrupted while invocations were running", false, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a job failed unexpectedly", e.getCause());
        }
    }

    /** How one job ended: failure is null when it succeeded. */
    private record Outcome(String id, LambdaInvocationException failure) {}
}
