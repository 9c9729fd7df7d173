package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.Console;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.apply.ApplyFailedException;
import io.github.lambdainvocation.apply.ApplyReport;
import io.github.lambdainvocation.apply.PlanApplier;
import io.github.lambdainvocation.model.CodeVersion;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.payload.Placeholders;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.lambda.LambdaCallException;
import io.github.lambdainvocation.lambda.LambdaInvoker;
import io.github.lambdainvocation.payload.PayloadBuilder;
import io.github.lambdainvocation.plan.Action;
import io.github.lambdainvocation.plan.Plan;
import io.github.lambdainvocation.plan.PlanReport;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.plan.PlannedChange;
import io.github.lambdainvocation.plan.Planner;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The goals without Maven: {@link #status}, {@link #invoke}, {@link #destroy}, {@link #forceUnlock} and
 * {@link #importState}. Everything that can be wrong with the input is checked before the first invocation; the
 * state is locked while a run may change it.
 */
public final class InvocationEngine {

    /**
     * What a run is asked for beyond the configuration.
     *
     * @param offline Maven's offline mode: a run with calls to make fails
     * @param parallelism how many independent invocations may run at once
     * @param replace ids to replace even when nothing changed
     * @param acknowledge ids whose interrupted call is recorded as done without sending it again
     */
    public record RunOptions(boolean offline, int parallelism, Set<String> replace, Set<String> acknowledge) {
        public static RunOptions plain(boolean offline) {
            return new RunOptions(offline, 1, Set.of(), Set.of());
        }
    }

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
     * @param invokers gives a Lambda invoker; called only when there is something to ask Lambda
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

    public Plan status(List<DesiredInvocation> desired) {
        return status(desired, false, Set.of());
    }

    /**
     * Prints the plan of {@code invoke} and writes it to status.json; invokes nothing and changes no state.
     *
     * @param verify send each planned call as a DryRun, which checks that the function exists and may be invoked
     *     without running it
     */
    public Plan status(List<DesiredInvocation> desired, boolean verify, Set<String> replace) {
        State state = store.read();
        checkReplaceIds(replace, desired);
        try (OnDemandInvoker lambda = new OnDemandInvoker(invokers)) {
            Plan plan = Planner.forInvoke(desired, state,
                    new Planner.Options(replace, Set.of(), codeVersions(desired, lambda, false)));
            store.currentLock().ifPresent(lock -> console.warn("The state " + store.location() + " is locked by "
                    + lock.describe() + ". A run of invoke or destroy now would fail or wait for it."));
            warnInterrupted(plan);
            print(plan);
            checkPayloads(plan);
            writeStatus(plan);
            if (verify) {
                verify(plan, lambda);
            }
            return plan;
        }
    }

    public RunOutcome invoke(List<DesiredInvocation> desired, boolean offline) {
        return invoke(desired, RunOptions.plain(offline));
    }

    /** Brings the recorded state in line with {@code desired}, invoking what the lifecycle calls for. */
    public RunOutcome invoke(List<DesiredInvocation> desired, RunOptions options) {
        checkReplaceIds(options.replace(), desired);
        try (StateStore.Lock lock = store.lock(); OnDemandInvoker lambda = new OnDemandInvoker(invokers)) {
            State state = store.read();
            checkAcknowledgeIds(options.acknowledge(), state);
            Plan plan = Planner.forInvoke(desired, state, new Planner.Options(options.replace(),
                    options.acknowledge(), codeVersions(desired, lambda, options.offline())));
            warnInterrupted(plan);
            print(plan);
            ApplyReport report;
            try {
                report = apply(state, plan, options, lambda);
            } catch (ApplyFailedException e) {
                // what did succeed is recorded; its results are as current as the state
                try {
                    publish(desired, state, e.partial().state());
                } catch (LambdaInvocationException notPublished) {
                    console.warn(notPublished.getMessage());
                }
                throw e;
            }
            return new RunOutcome(plan, report, publish(desired, state, report.state()));
        }
    }

    public RunOutcome destroy(List<String> configuredOrder, Set<String> ids, boolean offline) {
        return destroy(configuredOrder, ids, RunOptions.plain(offline));
    }

    /**
     * Sends the delete invocations of CRUD entries and forgets the recorded invocations: all of them, or only
     * {@code ids} when it is not empty.
     *
     * @param configuredOrder the configured ids in configuration order; teardown runs in reverse
     */
    public RunOutcome destroy(List<String> configuredOrder, Set<String> ids, RunOptions options) {
        try (StateStore.Lock lock = store.lock(); OnDemandInvoker lambda = new OnDemandInvoker(invokers)) {
            State state = store.read();
            checkDestroyIds(ids, configuredOrder, state);
            checkAcknowledgeIds(options.acknowledge(), state);
            Plan plan = Planner.forDestroy(state, ids, configuredOrder,
                    new Planner.Options(Set.of(), options.acknowledge(), Map.of()));
            for (String id : ids) {
                if (state.get(id).isEmpty()) {
                    console.info("'" + id + "' is not recorded in the state: nothing to destroy.");
                }
            }
            warnInterrupted(plan);
            print(plan);
            ApplyReport report = apply(state, plan, options, lambda);
            try {
                new ResultFiles(outputDirectory)
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

    private ApplyReport apply(State state, Plan plan, RunOptions options, OnDemandInvoker lambda) {
        checkPayloads(plan);
        if (plan.hasCalls() && options.offline()) {
            int calls = plan.callCount();
            throw new ConfigurationException("Maven is offline (-o), and this run has " + calls + " Lambda invocation"
                    + (calls == 1 ? "" : "s") + " to make. Run without -o, or use the status goal to see the plan.");
        }
        if (plan.hasCalls()) {
            // regions and credentials are configuration: find what is missing before anything is written
            Map<Target, String> targets = new LinkedHashMap<>();
            plan.changes().forEach(c -> c.calls().forEach(call ->
                    targets.putIfAbsent(call.target(), "invocation '" + c.id() + "'")));
            try {
                lambda.get().prepare(targets);
            } catch (LambdaCallException e) {
                throw new ConfigurationException(e.getMessage());
            }
        }
        ApplyReport report;
        if (!plan.changesState()) {
            report = new ApplyReport(plan.countByAction(), 0, state);
        } else {
            report = new PlanApplier(store, lambda, console, clock,
                    new PlanApplier.Options(printLogs, Math.max(1, options.parallelism()))).apply(state, plan);
        }
        console.info("Applied: " + report.summary() + ".");
        return report;
    }

    /** The current code of each invocation with triggerOnCodeChange (one GetFunction each). */
    private Map<String, CodeVersion> codeVersions(List<DesiredInvocation> desired, OnDemandInvoker lambda,
            boolean offline) {
        Map<String, CodeVersion> versions = new LinkedHashMap<>();
        for (DesiredInvocation d : desired) {
            if (d.triggerOnCodeChange()) {
                if (offline) {
                    throw new ConfigurationException("invocation '" + d.id() + "': <triggerOnCodeChange> needs to ask"
                            + " Lambda for the function's code version, and Maven is offline (-o).");
                }
                versions.put(d.id(), lambda.get().codeVersion(d.target()));
            }
        }
        return versions;
    }

    /**
     * The result files and properties: {@code results/<id>.json} and {@code lambda-invocation.<id>.result} for
     * every recorded result, and each configured output as {@code lambda-invocation.<id>.<name>} and in
     * {@code outputs/<id>.json}.
     */
    private Map<String, String> publish(List<DesiredInvocation> desired, State before, State after) {
        ResultFiles files = new ResultFiles(outputDirectory);
        Path dir = files.results();
        Map<String, String> properties = new LinkedHashMap<>();
        try {
            files.publish(before, after)
                    .forEach((id, result) -> properties.put("lambda-invocation." + id + ".result", result));
            List<String> problems = new ArrayList<>();
            for (DesiredInvocation d : desired) {
                String result = after.get(d.id()).map(r -> r.result()).orElse(null);
                if (d.outputs().isEmpty() || result == null) {
                    continue;
                }
                try {
                    var values = Placeholders.outputs(d.id(), result, d.outputs());
                    var file = Json.object();
                    values.forEach((name, value) -> {
                        properties.put("lambda-invocation." + d.id() + "." + name,
                                Placeholders.text(value));
                        file.set(name, value);
                    });
                    files.writeOutputs(d.id(), (Json.writePretty(file) + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    problems.add("invocation '" + d.id() + "': <outputs> " + e.getMessage()
                            + (d.spec().sensitive() ? "" : " (the result is in " + dir.resolve(d.id() + ".json") + ")"));
                }
            }
            if (!problems.isEmpty()) {
                problems.add("The invocations themselves succeeded and are recorded; fix <outputs>, and the next run"
                        + " (with nothing to invoke) sets them.");
                throw new ConfigurationException(problems);
            }
            return properties;
        } catch (IOException e) {
            throw new StateException("The results could not be written under " + dir + ": " + e, false, e);
        }
    }

    /** status -Dlambda-invocation.verify: a DryRun of every call the plan knows already. */
    private void verify(Plan plan, OnDemandInvoker lambda) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (PlannedChange change : plan.changes()) {
            for (PlannedCall call : change.calls()) {
                try {
                    // a deferred input is known only when it runs: check the function with an empty object
                    lambda.get().dryRun(call.target(), change.deferred()
                            ? "{}".getBytes(StandardCharsets.UTF_8)
                            : PayloadBuilder.build(call));
                    checked++;
                    console.info("  " + change.id() + ": " + call.event() + " -> " + call.target().describe()
                            + ": may be invoked (DryRun)");
                } catch (LambdaCallException e) {
                    problems.add("invocation '" + change.id() + "': " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        console.info("Verified " + checked + " planned call" + (checked == 1 ? "" : "s") + " with DryRun.");
    }

    private void writeStatus(Plan plan) {
        Path file = outputDirectory.resolve("status.json");
        try {
            Files.createDirectories(outputDirectory);
            Files.write(file, (Json.writePretty(PlanReport.json(plan, store.location())) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StateException("The plan could not be written to " + file + ": " + e, false, e);
        }
        console.info("Plan written to " + file);
    }

    private void warnInterrupted(Plan plan) {
        for (PlannedChange change : plan.changes()) {
            if (change.action() == Action.INTERRUPTED) {
                var p = change.pending();
                console.warn("INTERRUPTED: a build died after sending the " + p.event() + " call of '" + p.id() + "' to "
                        + p.target().describe() + " at " + p.startedAt() + ", before recording its outcome. "
                        + (change.calls().isEmpty()
                                ? "It is acknowledged: recorded as done without sending it again."
                                : "It is sent again with the same payload now. If it must not run twice, stop and run"
                                        + " with -Dlambda-invocation.acknowledge=" + p.id() + " to record it as done."));
            }
        }
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
            if (change.deferred()) {
                continue; // its payload is known only when it runs, and checked then
            }
            for (PlannedCall call : change.calls()) {
                String problem = PayloadBuilder.sizeProblem(PayloadBuilder.build(call));
                if (problem != null) {
                    String source = change.desired() != null ? change.desired().inputSource() : "the recorded input";
                    problems.add("invocation '" + change.id() + "': " + source + " makes the " + call.event()
                            + " payload " + problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private static void checkReplaceIds(Set<String> replace, List<DesiredInvocation> desired) {
        Set<String> unknown = new LinkedHashSet<>(replace);
        desired.forEach(d -> unknown.remove(d.id()));
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("-Dlambda-invocation.replace names " + unknown + ", which "
                    + (unknown.size() == 1 ? "is" : "are") + " not configured. Configured ids: "
                    + desired.stream().map(DesiredInvocation::id).toList());
        }
    }

    private static void checkAcknowledgeIds(Set<String> acknowledge, State state) {
        Set<String> unknown = new LinkedHashSet<>(acknowledge);
        unknown.removeAll(state.pending().keySet());
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("-Dlambda-invocation.acknowledge names " + unknown + ", which "
                    + (unknown.size() == 1 ? "has" : "have") + " no interrupted call. Interrupted: "
                    + new TreeSet<>(state.pending().keySet()));
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
