package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.payload.PlannedCall;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import io.github.lambdainvocation.model.CodeVersion;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner's rules beyond Terraform: graph order, data flow, replace, EVERY_RUN, code, interrupted calls. */
class PlannerGraphTest {

    private static InvocationSettings crud(String id, String input) {
        return InvocationSettings.withId(id).functionName("fn").lifecycleScope("CRUD").input(input);
    }

    private static List<DesiredInvocation> config(InvocationSettings... s) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(s));
    }

    /** The state after {@code settings} were all applied, each result being {@code result}. */
    private static State recorded(String result, CodeVersion code, InvocationSettings... settings) {
        List<RecordedInvocation> records = new ArrayList<>();
        List<DesiredInvocation> desired = config(settings);
        State partial = State.empty();
        for (DesiredInvocation d : desired) {
            State sofar = partial;
            DesiredInvocation resolved = io.github.lambdainvocation.payload.Placeholders.resolve(d, id -> sofar.get(id).map(RecordedInvocation::result).orElse(null));
            RecordedInvocation r = new RecordedInvocation(d.id(), resolved.spec().withCode(code), result, "$LATEST",
                    Instant.EPOCH);
            records.add(r);
            partial = partial.with(r);
        }
        return State.of(records);
    }

    private static List<String> summary(Plan plan) {
        return plan.changes().stream().map(c -> c.phase() + " " + c.id() + " " + c.action().label()
                + (c.deferred() ? " deferred" : "") + " " + c.reasons()).toList();
    }

    @Test
    void theConfiguredInvocationsRunInDependencyOrder() {
        Plan plan = Planner.forInvoke(config(crud("app", "{}").dependsOn("db"), crud("db", "{}"),
                crud("cache", "{}")), State.empty());

        assertThat(plan.changes()).extracting(PlannedChange::id).containsExactly("db", "app", "cache");
        assertThat(plan.changes().get(1).after()).containsExactly("db");
    }

    @Test
    void removalsRunDependentsFirst() {
        State state = recorded("{}", null, crud("db", "{}"), crud("app", "{}").dependsOn("db"),
                crud("other", "{}"));

        Plan plan = Planner.forInvoke(config(crud("other", "{}")), state);

        assertThat(summary(plan)).containsExactly("REMOVE app delete [removed]", "REMOVE db delete [removed]",
                "APPLY other no-op []");
        assertThat(plan.changes().get(1).after()).as("db waits for app's delete").containsExactly("app");

        assertThat(Planner.forDestroy(state, List.of(), List.of("db", "app", "other")).changes())
                .extracting(PlannedChange::id).containsExactly("other", "app", "db");
    }

    @Test
    void aReaderOfAnUnchangedResultIsPlannedWithTheResolvedInput() {
        State state = recorded("{\"id\": 7}", null, crud("tenant", "{}"),
                crud("seed", "{\"tenant\": \"@{tenant#/id}\"}"));

        Plan plan = Planner.forInvoke(config(crud("tenant", "{}"), crud("seed", "{\"tenant\": \"@{tenant#/id}\"}")),
                state);

        assertThat(summary(plan)).containsExactly("APPLY tenant no-op []", "APPLY seed no-op []");
    }

    @Test
    void aReaderOfAChangingResultIsDecidedWhenItRuns() {
        State state = recorded("{\"id\": 7}", null, crud("tenant", "{}"),
                crud("seed", "{\"tenant\": \"@{tenant#/id}\"}"));

        Plan plan = Planner.forInvoke(config(crud("tenant", "{\"v\": 2}"),
                crud("seed", "{\"tenant\": \"@{tenant#/id}\"}")), state);

        assertThat(summary(plan)).containsExactly("APPLY tenant update [input]",
                "APPLY seed update deferred [input once tenant ran]");
        assertThat(PlanReport.summary(plan)).endsWith("; up to 2 Lambda invocations (1 decided when the results they"
                + " read are known).");
    }

    @Test
    void aPlaceholderOfAnUnchangedInvocationThatReadsNothingIsAnErrorBeforeAnyCall() {
        State state = recorded("{\"id\": 7}", null, crud("tenant", "{}"));

        assertThatThrownBy(() -> Planner.forInvoke(config(crud("tenant", "{}"),
                crud("seed", "{\"zone\": \"@{tenant#/zone}\"}")), state))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invocation 'seed': <input> reads @{tenant#/zone} matches nothing in the"
                        + " result of 'tenant'");
    }

    @Test
    void replaceRequestedReplacesWhatDidNotChange() {
        State state = recorded("{}", null, crud("a", "{}"), InvocationSettings.withId("b").functionName("fn")
                .input("{}"));

        Plan plan = Planner.forInvoke(config(crud("a", "{}"), InvocationSettings.withId("b").functionName("fn")
                .input("{}")), state, new Planner.Options(Set.of("a", "b"), Set.of(), Map.of()));

        assertThat(summary(plan)).containsExactly("APPLY a replace [replace requested]",
                "APPLY b replace [replace requested]");
        assertThat(plan.changes().get(0).calls()).extracting(PlannedCall::event).containsExactly("delete", "create");
        assertThat(plan.changes().get(1).calls()).extracting(PlannedCall::event).containsExactly("invoke");
    }

    @Test
    void everyRunInvokesOnEveryRunWithTheInputAsWritten() {
        InvocationSettings warm = InvocationSettings.withId("warm").functionName("fn").lifecycleScope("EVERY_RUN")
                .input("{ \"cache\" : \"all\" }");
        State state = recorded("{}", null, warm);

        Plan plan = Planner.forInvoke(config(warm), state);

        assertThat(summary(plan)).containsExactly("APPLY warm refresh [every run]");
        assertThat(plan.changes().get(0).calls().get(0).rawText()).isEqualTo("{ \"cache\" : \"all\" }");
        assertThat(Planner.forInvoke(config(), state).changes().get(0).action()).isEqualTo(Action.FORGET);
    }

    @Test
    void aNewCodeVersionReplacesWhenAskedFor() {
        InvocationSettings watch = crud("migrate", "{}").triggerOnCodeChange(true);
        State state = recorded("{}", new CodeVersion("aaa", "3"), watch);

        assertThat(summary(Planner.forInvoke(config(watch), state,
                new Planner.Options(Set.of(), Set.of(), Map.of("migrate", new CodeVersion("aaa", "3"))))))
                .containsExactly("APPLY migrate no-op []");
        Plan changed = Planner.forInvoke(config(watch), state,
                new Planner.Options(Set.of(), Set.of(), Map.of("migrate", new CodeVersion("bbb", "4"))));
        assertThat(summary(changed)).containsExactly("APPLY migrate replace [code]");
        assertThat(((PlannedChange.Configured) changed.changes().get(0)).code()).isEqualTo(new CodeVersion("bbb", "4"));
    }

    @Test
    void anInterruptedCallIsSentAgainFirstOrRecordedAsDoneWhenAcknowledged() {
        State recordedState = recorded("{}", null, crud("a", "{\"v\": 1}"));
        RecordedInvocation then = recorded("{}", null, crud("a", "{\"v\": 2}")).get("a").orElseThrow();
        PendingCall pending = new PendingCall("a", then.target(), "update",
                "{\"v\":2,\"tf\":{\"action\":\"update\",\"prev_input\":{\"v\":1}}}", InvocationType.RequestResponse,
                Instant.EPOCH, then);
        State state = State.of(recordedState.invocations().values(), List.of(pending));

        Plan plan = Planner.forInvoke(config(crud("a", "{\"v\": 2}")), state);

        assertThat(summary(plan)).as("no second line for a").containsExactly("RECOVER a interrupted [outcome unknown]");
        assertThat(plan.changes().get(0).calls().get(0).rawText()).isEqualTo(pending.payload());

        Plan acknowledged = Planner.forInvoke(config(crud("a", "{\"v\": 2}")), state,
                new Planner.Options(Set.of(), Set.of("a"), Map.of()));
        assertThat(summary(acknowledged)).containsExactly("RECOVER a interrupted [outcome unknown, acknowledged]");
        assertThat(acknowledged.changes().get(0).calls()).isEmpty();
    }
}
