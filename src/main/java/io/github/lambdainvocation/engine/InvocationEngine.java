package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.Console;
import io.github.lambdainvocation.apply.ApplyFailedException;
import io.github.lambdainvocation.apply.ApplyReport;
import io.github.lambdainvocation.apply.PlanApplier;
import io.github.lambdainvocation.config.ConfigurationException;
import io.github.lambdainvocation.config.DesiredInvocation;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.lambda.LambdaInvoker;
import io.github.lambdainvocation.payload.PayloadBuilder;
import io.github.lambdainvocation.plan.Plan;
import io.github.lambdainvocation.plan.PlanReport;
import io.github.lambdainvocation.plan.PlannedCall;
import io.github.lambdainvocation.plan.PlannedChange;
import io.github.lambdainvocation.plan.Planner;
import io.github.lambdainvocation.state.State;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The three goals without Maven: {@link #status}, {@link #invoke} and {@link #destroy}. Everything that can be
 * wrong with the input is checked before the first invocation; the state is locked while a run may change it.
 */
public final class InvocationEngine {

    private final StateStore store;
    private final Supplier<LambdaInvoker> invokers;
    private final Console console;
    private final Clock clock;
    private final Path outputDirectory;
    private final boolean printLogs;

    public InvocationEngine(StateStore store, Supplier<LambdaInvoker> invokers, Console console, Clock clock,
            Path outputDirectory) {
        this(store, invokers, console, clock, outputDirectory, false);
    }

    /**
     * @param invokers gives a Lambda invoker; called only when there is an invocation to make
     * @param outputDirectory where status.json and results/ go
     * @param printLogs print the log tail of successful calls at info level
     */
    public InvocationEngine(StateStore store, Supplier<LambdaInvoker> invokers, Console console, Clock clock,
            Path outputDirectory, boolean printLogs) {
        this.store = store;
        this.invokers = invokers;
        this.console = console;
        this.clock = clock;
        this.outputDirectory = outputDirectory;
        this.printLogs = printLogs;
    }

    /** Prints the plan of {@code invoke} and writes it to status.json; invokes nothing, changes no state. */
    public Plan status(List<DesiredInvocation> desired) {
        Plan plan = Planner.forInvoke(desired, store.read());
        store.currentLock().ifPresent(lock -> console.warn("The state " + store.location() + " is locked by "
                + lock.describe() + ". A run of invoke or destroy now would fail or wait for it."));
        print(plan);
        checkPayloads(plan);
        Path file = outputDirectory.resolve("status.json");
        try {
            Files.createDirectories(outputDirectory);
            Files.write(file, (Json.writePretty(PlanReport.json(plan, store.location())) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StateException("The plan could not be written to " + file + ": " + e, false, e);
        }
        console.info("Plan written to " + file);
        return plan;
    }

    /** Brings the recorded state in line with {@code desired}, invoking what the lifecycle calls for. */
    public RunOutcome invoke(List<DesiredInvocation> desired, boolean offline) {
        try (StateStore.Lock lock = store.lock()) {
            State state = store.read();
            Plan plan = Planner.forInvoke(desired, state);
            print(plan);
            ApplyReport report;
            try {
                report = apply(state, plan, offline);
            } catch (ApplyFailedException e) {
                // what did succeed is recorded; its results are as current as the state
                try {
                    publishResults(state, e.partial().state());
                } catch (StateException notWritten) {
                    console.warn(notWritten.getMessage());
                }
                throw e;
            }
            Map<String, String> results = publishResults(state, report.state());
            return new RunOutcome(plan, report, results);
        }
    }

    private Map<String, String> publishResults(State before, State after) {
        Path dir = outputDirectory.resolve("results");
        try {
            return new ResultFiles(dir).publish(before, after);
        } catch (IOException e) {
            throw new StateException("The results could not be written under " + dir + ": " + e, false, e);
        }
    }

    /**
     * Sends the delete invocations of CRUD entries and forgets the recorded invocations: all of them, or only
     * {@code ids} when it is not empty.
     *
     * @param configuredOrder the configured ids in configuration order; teardown runs in reverse
     */
    public RunOutcome destroy(List<String> configuredOrder, Set<String> ids, boolean offline) {
        try (StateStore.Lock lock = store.lock()) {
            State state = store.read();
            checkDestroyIds(ids, configuredOrder, state);
            Plan plan = Planner.forDestroy(state, ids, configuredOrder);
            for (String id : ids) {
                if (state.get(id).isEmpty()) {
                    console.info("'" + id + "' is not recorded in the state: nothing to destroy.");
                }
            }
            print(plan);
            ApplyReport report = apply(state, plan, offline);
            try {
                new ResultFiles(outputDirectory.resolve("results"))
                        .remove(plan.changes().stream().map(PlannedChange::id).toList());
            } catch (IOException e) {
                console.warn("Could not remove old result files: " + e);
            }
            return new RunOutcome(plan, report, Map.of());
        }
    }

    /** Removes a lock left behind by a build that died, when its id is {@code lockId}. */
    public void forceUnlock(String lockId) {
        store.forceUnlock(lockId);
    }

    /**
     * Copies the state of {@code source} into this engine's store, once: refuses when this store already holds a
     * state, and leaves the source as it was.
     */
    public State importState(StateStore source) {
        // read first: a missing bucket is an error of its own, not "no state"
        State imported = source.read();
        if (!source.exists()) {
            throw new ConfigurationException("There is no state at " + source.location() + " to import.");
        }
        try (StateStore.Lock lock = store.lock()) {
            store.read();
            if (store.exists()) {
                throw new ConfigurationException("A state already exists at " + store.location()
                        + "; importing would overwrite it, so nothing was copied. Remove it first if it is the one"
                        + " to replace.");
            }
            store.write(imported);
        }
        console.info("Imported " + imported.invocations().size() + " recorded invocation(s) from "
                + source.location() + " into " + store.location() + ". The source was left as it was; remove it"
                + " once builds use the new location.");
        return imported;
    }

    private ApplyReport apply(State state, Plan plan, boolean offline) {
        checkPayloads(plan);
        if (plan.hasCalls() && offline) {
            int calls = plan.callCount();
            throw new ConfigurationException("Maven is offline (-o), and this run has " + calls + " Lambda invocation"
                    + (calls == 1 ? "" : "s") + " to make. Run without -o, or use the status goal to see the plan.");
        }
        ApplyReport report;
        if (!plan.changesState()) {
            report = new ApplyReport(plan.countByAction(), 0, state);
        } else {
            try (OnDemandInvoker lambda = new OnDemandInvoker(invokers)) {
                report = new PlanApplier(store, lambda, console, clock, printLogs).apply(state, plan);
            }
        }
        console.info("Applied: " + report.summary() + ".");
        return report;
    }

    private void print(Plan plan) {
        if (plan.changes().isEmpty()) {
            console.info("No invocations are configured or recorded (state " + store.location() + ").");
            return;
        }
        console.info("Lambda invocation plan (state " + store.location() + "):");
        PlanReport.lines(plan).forEach(console::info);
        console.info(PlanReport.summary(plan));
    }

    /** Lambda refuses synchronous payloads over 6 MB; say so before anything is invoked. */
    private static void checkPayloads(Plan plan) {
        List<String> problems = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            for (PlannedCall call : change.calls()) {
                int size = PayloadBuilder.build(call).length;
                if (size > PayloadBuilder.MAX_SYNC_PAYLOAD_BYTES) {
                    String source = change.desired() != null ? change.desired().inputSource() : "the recorded input";
                    problems.add("invocation '" + change.id() + "': " + source + " makes the " + call.event()
                            + " payload " + size + " bytes, over Lambda's limit of "
                            + PayloadBuilder.MAX_SYNC_PAYLOAD_BYTES + " bytes (6 MB) for a synchronous invocation");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private static void checkDestroyIds(Set<String> ids, Collection<String> configured, State state) {
        Set<String> unknown = new LinkedHashSet<>(ids);
        unknown.removeAll(configured);
        unknown.removeAll(state.invocations().keySet());
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("-Dlambda-invocation.ids names " + unknown
                    + ", which is neither configured nor recorded. Recorded ids: "
                    + new TreeSet<>(state.invocations().keySet()));
        }
    }
}
