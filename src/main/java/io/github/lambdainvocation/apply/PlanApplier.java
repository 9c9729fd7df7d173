package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.model.ApplyReport;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.lambda.LambdaInvoker;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.plan.Plan;
import io.github.lambdainvocation.plan.PlannedChange;
import io.github.lambdainvocation.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a plan, phase by phase (interrupted calls, removals, configured invocations), with up to
 * {@code parallelism} changes at once; a change starts when the changes it depends on are done.
 *
 * <p>Nothing is lost when a run fails or is killed:
 * <ul>
 *   <li>before each call, the state records it as pending (what is about to be sent); a run that finds a pending
 *       call knows its outcome is unknown;</li>
 *   <li>after each successful call the state records its outcome; to spare requests, that write goes together
 *       with the next call's pending record when one starts right away;</li>
 *   <li>after the first failure no new change starts; the running ones finish and are recorded; then the run
 *       fails listing every failure. What failed is not recorded, so the next run tries it again.</li>
 * </ul>
 */
public final class PlanApplier {

    private final StateStore store;
    private final Supplier<LambdaInvoker> invoker;
    private final Listener events;
    private final Clock clock;
    private final int parallelism;
    private final RunLog log;

    /**
     * @param invoker gives the invoker on first use only, so a plan without calls builds no AWS client
     * @param parallelism how many changes may run at once
     */
    public PlanApplier(StateStore store, Supplier<LambdaInvoker> invoker, Listener events, Clock clock,
            int parallelism) {
        this(store, invoker, events, clock, parallelism, null);
    }

    /** @param log where what becomes of each change is noted (for the apply report); null for a log of its own */
    public PlanApplier(StateStore store, Supplier<LambdaInvoker> invoker, Listener events, Clock clock,
            int parallelism, RunLog log) {
        this.log = log;
        this.store = store;
        this.invoker = invoker;
        this.events = events;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    public ApplyReport apply(State initial, Plan plan) throws ApplyFailedException {
        Journal journal = new Journal(store, initial);
        ChangeRunner runner = new ChangeRunner(journal, invoker, events, clock,
                log != null ? log : new RunLog(plan, clock));
        List<LambdaInvocationException> failures = new ArrayList<>();
        int threads = Math.min(parallelism, Math.max(1, plan.changes().size()));
        try (Scheduler<PlannedChange, ChangeRunner.Started> scheduler =
                new Scheduler<>(threads, PlannedChange::id, PlannedChange::after)) {
            for (PlannedChange.Phase phase : PlannedChange.Phase.values()) {
                List<PlannedChange> changes = plan.changes().stream().filter(c -> c.phase() == phase).toList();
                failures.addAll(scheduler.run(changes, runner));
                if (!failures.isEmpty()) {
                    break;
                }
            }
        }
        journal.flush();
        ApplyReport report = journal.report();
        if (!failures.isEmpty()) {
            throw failed(failures, report);
        }
        return report;
    }

    private static ApplyFailedException failed(List<LambdaInvocationException> failures, ApplyReport report) {
        boolean userFixable = failures.stream().anyMatch(LambdaInvocationException::userFixable);
        // One failure is the cause. Several are suppressed, not a cause: Maven appends a cause's message that the
        // message does not already hold verbatim, and the list indents them, so the first would be told twice.
        ApplyFailedException failed = new ApplyFailedException(
                Failures.render(failures.stream().map(Throwable::getMessage).toList(), report), userFixable,
                failures.size() == 1 ? failures.get(0) : null, report);
        if (failures.size() > 1) {
            failures.forEach(failed::addSuppressed);
        }
        return failed;
    }
}
