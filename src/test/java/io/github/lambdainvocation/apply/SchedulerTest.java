package io.github.lambdainvocation.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.LambdaInvocationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    /** A job: its id, the ids it comes after. */
    record Job(String id, List<String> after) {
        static Job of(String id, String... after) {
            return new Job(id, List.of(after));
        }
    }

    /** Steps that record what happened; {@code failing} jobs throw when run, {@code empty} ones need no run. */
    static class Recorder implements Scheduler.Steps<Job, Job> {
        final List<String> prepared = Collections.synchronizedList(new ArrayList<>());
        final List<String> finished = Collections.synchronizedList(new ArrayList<>());
        final List<List<String>> rounds = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger idles = new AtomicInteger();
        Set<String> failing = Set.of();
        Set<String> empty = Set.of();
        Map<String, Runnable> during = Map.of();

        @Override
        public Optional<Job> prepare(Job job) {
            prepared.add(job.id());
            return empty.contains(job.id()) ? Optional.empty() : Optional.of(job);
        }

        @Override
        public void starting(List<Job> round) {
            if (!round.isEmpty()) {
                rounds.add(round.stream().map(Job::id).toList());
            }
        }

        @Override
        public void run(Job job) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                during.getOrDefault(job.id(), () -> {}).run();
                if (failing.contains(job.id())) {
                    throw new LambdaInvocationException(job.id() + " failed", true);
                }
                finished.add(job.id());
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public void idle() {
            idles.incrementAndGet();
        }
    }

    private static List<LambdaInvocationException> run(int parallelism, Recorder steps, Job... jobs) {
        try (Scheduler<Job, Job> scheduler = new Scheduler<>(parallelism, Job::id, Job::after)) {
            return scheduler.run(List.of(jobs), steps);
        }
    }

    @Test
    void oneAtATimeKeepsTheGivenOrderAndWaitsForDependencies() {
        Recorder steps = new Recorder();

        var failures = run(1, steps, Job.of("b", "c"), Job.of("a"), Job.of("c"));

        assertThat(failures).isEmpty();
        assertThat(steps.finished).containsExactly("a", "c", "b");
        assertThat(steps.mostAtOnce).hasValue(1);
    }

    @Test
    void independentJobsRunTogetherUpToTheParallelism() {
        Recorder steps = new Recorder();
        CyclicBarrier allThree = new CyclicBarrier(3);
        Runnable meet = () -> {
            try {
                allThree.await(10, TimeUnit.SECONDS); // only reached if three run at once
            } catch (Exception e) {
                throw new AssertionError("three jobs did not run at once", e);
            }
        };
        steps.during = Map.of("a", meet, "b", meet, "c", meet);

        var failures = run(3, steps, Job.of("a"), Job.of("b"), Job.of("c"), Job.of("d"), Job.of("e"));

        assertThat(failures).isEmpty();
        assertThat(steps.finished).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(steps.mostAtOnce.get()).isEqualTo(3);
        assertThat(steps.rounds.get(0)).as("one round, so one pending write for three calls")
                .containsExactly("a", "b", "c");
    }

    @Test
    void afterAFailureNothingNewStartsAndItsDependentsAreNeverAttempted() {
        Recorder steps = new Recorder();
        steps.failing = Set.of("a");

        var failures = run(1, steps, Job.of("a"), Job.of("after-a", "a"), Job.of("independent"));

        assertThat(failures).extracting(Throwable::getMessage).containsExactly("a failed");
        assertThat(steps.prepared).containsExactly("a");
        assertThat(steps.finished).isEmpty();
    }

    @Test
    void runningJobsFinishAfterAnotherFailedAndEveryFailureIsReturned() {
        Recorder steps = new Recorder();
        steps.failing = Set.of("a", "b");
        CyclicBarrier both = new CyclicBarrier(2);
        Runnable meet = () -> {
            try {
                both.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        steps.during = Map.of("a", meet, "b", meet);

        var failures = run(2, steps, Job.of("a"), Job.of("b"), Job.of("c"));

        assertThat(failures).extracting(Throwable::getMessage).containsExactlyInAnyOrder("a failed", "b failed");
        assertThat(steps.prepared).doesNotContain("c");
    }

    @Test
    void aJobWithNothingToRunIsDoneAtOnceAndItsDependentsGoOn() {
        Recorder steps = new Recorder();
        steps.empty = Set.of("forget");

        var failures = run(2, steps, Job.of("forget"), Job.of("next", "forget"));

        assertThat(failures).isEmpty();
        assertThat(steps.finished).containsExactly("next");
        assertThat(steps.rounds).containsExactly(List.of("next"));
    }

    @Test
    void aFailureWhilePreparingStopsTheRunLikeAFailedCall() {
        Recorder steps = new Recorder() {
            @Override
            public Optional<Job> prepare(Job job) {
                if (job.id().equals("bad")) {
                    throw new LambdaInvocationException("bad payload", true);
                }
                return super.prepare(job);
            }
        };

        var failures = run(1, steps, Job.of("bad"), Job.of("later"));

        assertThat(failures).extracting(Throwable::getMessage).containsExactly("bad payload");
        assertThat(steps.finished).isEmpty();
    }

    @Test
    void dependenciesOutsideTheGivenJobsDoNotHoldAJobBack() {
        Recorder steps = new Recorder();

        var failures = run(1, steps, Job.of("a", "removed-in-an-earlier-phase"));

        assertThat(failures).isEmpty();
        assertThat(steps.finished).containsExactly("a");
        assertThat(steps.idles.get()).as("the last round started nothing, so outcomes get written").isPositive();
    }
}
