package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.apply.ApplyFailedException;
import io.github.lambdainvocation.apply.PlanApplier;
import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.lambda.LambdaCallException;
import io.github.lambdainvocation.lambda.LambdaInvoker;
import io.github.lambdainvocation.model.ApplyReport;
import io.github.lambdainvocation.model.CodeVersion;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.payload.PayloadBuilder;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.plan.Plan;
import io.github.lambdainvocation.plan.PlanReport;
import io.github.lambdainvocation.plan.PlannedChange;
import io.github.lambdainvocation.plan.Planner;
import io.github.lambdainvocation.state.LockInfo;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The goals without Maven: {@link #status}, {@link #invoke}, {@link #destroy}, {@link #forceUnlock} and
 * {@link #importState}. Everything that can be wrong with the input is checked before the first invocation; the
 * state is locked while a run may change it. What happens is told as {@link Event}s.
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
        public RunOptions {
            replace = Set.copyOf(replace);
            acknowledge = Set.copyOf(acknowledge);
        }

        /** The same options with other ids to replace. */
        public RunOptions withReplace(Set<String> ids) {
            return new RunOptions(offline, parallelism, ids, acknowledge);
        }

        public static RunOptions plain(boolean offline) {
            return new RunOptions(offline, 1, Set.of(), Set.of());
        }
    }

    private final StateStore store;
    private final Supplier<LambdaInvoker> invokers;
    private final Listener events;
    private final Clock clock;
    private final Path outputDirectory;
    private final StateOwner owner;
    private volatile UnaryOperator<String> wording = UnaryOperator.identity();

    /**
     * @param invokers gives a Lambda invoker; called only when there is something to ask Lambda
     * @param outputDirectory where status.json, results/ and outputs/ go
     * @param owner the project the run is for: a state another project recorded is refused
     */
    public InvocationEngine(StateStore store, Supplier<LambdaInvoker> invokers, Listener events, Clock clock,
            Path outputDirectory, StateOwner owner) {
        this.store = store;
        this.invokers = invokers;
        this.events = events;
        this.clock = clock;
        this.outputDirectory = outputDirectory;
        this.owner = owner;
    }

    /** An engine that neither checks nor records who owns the state, for tests of everything else. */
    public InvocationEngine(StateStore store, Supplier<LambdaInvoker> invokers, Listener events, Clock clock,
            Path outputDirectory) {
        this(store, invokers, events, clock, outputDirectory, null);
    }

    /** From now on, the failure messages of apply.json are rendered by {@code render} (setting tokens in the user's words). */
    public void renderMessagesWith(UnaryOperator<String> render) {
        this.wording = render;
    }

    public Plan status(List<DesiredInvocation> desired) {
        return status(desired, false, Set.of());
    }

    /**
     * Tells the plan of {@code invoke} and writes it to status.json; invokes nothing and changes no state.
     *
     * @param verify send each planned call as a DryRun, which checks that the function exists and may be invoked
     *     without running it
     */
    public Plan status(List<DesiredInvocation> desired, boolean verify, Set<String> replace) {
        return status(desired, verify, replace, null, null);
    }

    /**
     * {@link #status(List, boolean, Set)}, also saving the plan to {@code planOut} (when not null) for
     * {@link #invoke(List, RunOptions, SavedPlan)} to apply.
     *
     * @param pluginVersion the version of this plugin, which the saved plan records
     */
    public Plan status(List<DesiredInvocation> desired, boolean verify, Set<String> replace, Path planOut,
            String pluginVersion) {
        UpFrontChecks.replaceIds(replace, desired);
        if (nothingAtAll(desired)) {
            Plan nothing = tellNothing(Event.Goal.STATUS);
            savePlan(planOut, nothing, desired, replace, pluginVersion);
            return nothing;
        }
        State state = claim(store.read());
        try (OnDemandInvoker lambda = new OnDemandInvoker(invokers)) {
            Plan plan = Planner.forInvoke(desired, state,
                    new Planner.Options(replace, Set.of(), codeVersions(desired, lambda, false)));
            Optional<LockInfo> lock = store.currentLock();
            if (lock.isPresent()) {
                events.on(new Event.StateLocked(store.location(), lock.get().describe()));
            }
            tell(plan, Event.Goal.STATUS);
            UpFrontChecks.payloads(plan);
            writeStatus(plan);
            if (verify) {
                verify(plan, lambda);
            }
            savePlan(planOut, plan, desired, replace, pluginVersion); // a plan that failed verify is not saved
            return plan;
        }
    }

    public RunOutcome invoke(List<DesiredInvocation> desired, boolean offline) {
        return invoke(desired, RunOptions.plain(offline));
    }

    /** Brings the recorded state in line with {@code desired}, invoking what the lifecycle calls for. */
    public RunOutcome invoke(List<DesiredInvocation> desired, RunOptions options) {
        return invoke(desired, options, null);
    }

    /**
     * {@link #invoke(List, RunOptions)} applying exactly the plan {@code saved} (when not null): its replace
     * ids are this run's, and the run is refused before anything is sent when the state, the configuration or
     * what invoke would do changed since it was saved.
     */
    public RunOutcome invoke(List<DesiredInvocation> desired, RunOptions given, SavedPlan saved) {
        RunOptions options = saved == null ? given : saved.options(given);
        UpFrontChecks.replaceIds(options.replace(), desired);
        if (nothingAtAll(desired)) {
            if (saved != null) {
                saved.check(store, desired, new Plan(List.of()));
                events.on(new Event.SavedPlanMatches(saved.file()));
            }
            UpFrontChecks.acknowledgeIds(options.acknowledge(), State.empty());
            return RunOutcome.nothing(tellNothing(Event.Goal.INVOKE));
        }
        ResultPublisher results = new ResultPublisher(outputDirectory);
        try (StateStore.Lock lock = store.lock(); OnDemandInvoker lambda = new OnDemandInvoker(invokers)) {
            State recorded = store.read();
            if (saved != null) {
                saved.checkState(store);
            }
            State state = claim(recorded);
            UpFrontChecks.acknowledgeIds(options.acknowledge(), state);
            Plan plan = Planner.forInvoke(desired, state, new Planner.Options(options.replace(),
                    options.acknowledge(), codeVersions(desired, lambda, options.offline())));
            if (saved != null) {
                saved.checkPlan(ConfigurationDigest.of(desired), plan); // the state was checked before planning
                events.on(new Event.SavedPlanMatches(saved.file()));
            }
            tell(plan, Event.Goal.INVOKE);
            ApplyReport report;
            try {
                report = apply(recorded, state, plan, options, lambda, Event.Goal.INVOKE);
            } catch (ApplyFailedException e) {
                publishWhatSucceeded(results, desired, state, e.partial().state());
                throw e;
            }
            Map<String, String> published = results.publish(desired, state, report.state());
            tellResultsNotKept(desired, report.state());
            return new RunOutcome(plan, report, published);
        }
    }

    /**
     * Invocations whose last result was not kept and that were not invoked now have nothing to hand over: say so.
     * That is one that keeps no result, or one switched to keeping it that has not been invoked since (a digest).
     */
    private void tellResultsNotKept(List<DesiredInvocation> desired, State after) {
        for (DesiredInvocation d : desired) {
            Optional<RecordedInvocation> recorded = after.get(d.id());
            if (d.spec().invocationType() != InvocationType.RequestResponse || recorded.isEmpty()) {
                continue;
            }
            RecordedInvocation r = recorded.get();
            if (r.result() == null && (!d.spec().keepResult() || r.resultSha256() != null)) {
                events.on(new Event.EphemeralResultNotAvailable(d.id()));
            }
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
        if (nothingAtAll(configuredOrder)) {
            // any id named is neither configured nor recorded: refused here
            UpFrontChecks.destroyIds(ids, configuredOrder, State.empty());
            UpFrontChecks.acknowledgeIds(options.acknowledge(), State.empty());
            return RunOutcome.nothing(tellNothing(Event.Goal.DESTROY));
        }
        try (StateStore.Lock lock = store.lock(); OnDemandInvoker lambda = new OnDemandInvoker(invokers)) {
            State recorded = store.read();
            State state = claim(recorded);
            UpFrontChecks.destroyIds(ids, configuredOrder, state);
            UpFrontChecks.acknowledgeIds(options.acknowledge(), state);
            Plan plan = Planner.forDestroy(state, ids, configuredOrder,
                    new Planner.Options(Set.of(), options.acknowledge(), Map.of()));
            ids.stream().filter(id -> state.get(id).isEmpty())
                    .forEach(id -> events.on(new Event.NothingToDestroy(id)));
            tell(plan, Event.Goal.DESTROY);
            ApplyReport report = apply(recorded, state, plan, options, lambda, Event.Goal.DESTROY);
            try {
                new ResultPublisher(outputDirectory).remove(plan.changes().stream().map(PlannedChange::id).toList());
            } catch (IOException e) {
                events.on(new Event.ResultFilesNotRemoved(e.toString()));
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
        State imported = claim(source.read());
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
        events.on(new Event.StateImported(imported.invocations().size(), source.location(), store.location()));
        return imported;
    }

    /**
     * @param recorded the state as read, before this run claimed it
     * @param state the state this run works on
     */
    private ApplyReport apply(State recorded, State state, Plan plan, RunOptions options, OnDemandInvoker lambda,
            Event.Goal goal) {
        UpFrontChecks.payloads(plan);
        UpFrontChecks.online(plan, options.offline());
        if (plan.hasCalls()) {
            prepare(plan, lambda);
        }
        if (owner != null && plan.changesState()) {
            owner.change(recorded, store.location()).ifPresent(events::on);
        }
        try (ApplyReportFile written = new ApplyReportFile(outputDirectory, goal, store.location(), plan, clock,
                wording, events)) {
            ApplyReport report = plan.changesState()
                    ? new PlanApplier(store, lambda, events, clock, Math.max(1, options.parallelism()), written.log())
                            .apply(state, plan)
                    : new ApplyReport(plan.countByAction(), 0, state);
            events.on(new Event.Applied(report));
            return report;
        }
    }

    /** Regions and credentials are configuration: find what is missing before anything is written. */
    private static void prepare(Plan plan, OnDemandInvoker lambda) {
        Map<Target, String> targets = new LinkedHashMap<>();
        plan.changes().forEach(c -> c.calls().forEach(call ->
                targets.putIfAbsent(call.target(), "invocation '" + c.id() + "'")));
        try {
            lambda.get().prepare(targets);
        } catch (LambdaCallException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /** What did succeed is recorded; its results are as current as the state. */
    private void publishWhatSucceeded(ResultPublisher results, List<DesiredInvocation> desired, State before,
            State after) {
        try {
            results.publish(desired, before, after);
        } catch (LambdaInvocationException notPublished) {
            events.on(new Event.ResultsNotPublished(notPublished.getMessage()));
        }
    }

    /** The current code of each invocation with triggerOnCodeChange (one GetFunction each). */
    private static Map<String, CodeVersion> codeVersions(List<DesiredInvocation> desired, OnDemandInvoker lambda,
            boolean offline) {
        Map<String, CodeVersion> versions = new LinkedHashMap<>();
        for (DesiredInvocation d : desired) {
            if (d.triggerOnCodeChange()) {
                if (offline) {
                    throw new ConfigurationException("invocation '" + d.id() + "': {{triggerOnCodeChange}} needs to ask"
                            + " Lambda for the function's code version, and {{@offline}}.");
                }
                versions.put(d.id(), lambda.get().codeVersion(d.target()));
            }
        }
        return versions;
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
                    events.on(new Event.DryRunPassed(change.id(), call.event(), call.target()));
                } catch (LambdaCallException e) {
                    problems.add("invocation '" + change.id() + "': " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        events.on(new Event.Verified(checked));
    }

    private void savePlan(Path planOut, Plan plan, List<DesiredInvocation> desired, Set<String> replace,
            String pluginVersion) {
        if (planOut != null) {
            SavedPlan.of(planOut, plan, ConfigurationDigest.of(desired), List.copyOf(replace), store.location(),
                    store.version(), pluginVersion, clock.instant()).write();
            events.on(new Event.PlanSaved(planOut, plan.changes().stream().anyMatch(PlannedChange::sensitive)));
        }
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
        events.on(new Event.StatusWritten(file));
    }

    /**
     * Whether there is nothing to plan at all: no invocation configured and no state. Such a run (a goal inherited
     * by a parent POM, say) writes nothing, not even a lock or status.json.
     */
    private boolean nothingAtAll(java.util.Collection<?> configured) {
        return configured.isEmpty() && !store.exists();
    }

    private Plan tellNothing(Event.Goal goal) {
        Plan plan = new Plan(List.of());
        tell(plan, goal);
        return plan;
    }

    /** The state as this run works on it: refused when another project owns it. */
    private State claim(State recorded) {
        return owner == null ? recorded : owner.claim(recorded, store.location());
    }

    /** The interrupted calls the plan found, then the plan. */
    private void tell(Plan plan, Event.Goal goal) {
        for (PlannedChange change : plan.changes()) {
            if (change instanceof PlannedChange.Recovery recovery) {
                events.on(new Event.InterruptedCallFound(recovery.pending(), recovery.calls().isEmpty(), goal));
            }
        }
        events.on(new Event.PlanReady(plan, store.location()));
    }
}
