package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.payload.PlannedCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The planner as a table: recorded state × configuration → action, reasons and calls. */
class PlannerTest {

    private static InvocationSettings base(String scope) {
        return InvocationSettings.withId("seed").functionName("fn").input("{\"a\": 1}").lifecycleScope(scope)
                .trigger("version", "1");
    }

    private static DesiredInvocation desired(InvocationSettings s) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(s)).get(0);
    }

    /** What the state holds after {@code s} was applied. */
    static RecordedInvocation recorded(InvocationSettings s) {
        DesiredInvocation d = desired(s);
        return new RecordedInvocation(d.id(), d.spec(), "{\"ok\":true}", "$LATEST",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    static Arguments row(String situation, String recordedScope, String desiredScope,
            UnaryOperator<InvocationSettings> change, Action action, List<String> reasons, List<String> calls) {
        return Arguments.of(situation, recordedScope, desiredScope, change, action, reasons, calls);
    }

    static Stream<Arguments> invokeTable() {
        UnaryOperator<InvocationSettings> same = s -> s;
        return Stream.of(
                row("not in state, CREATE_ONLY", null, "CREATE_ONLY", same,
                        Action.CREATE, List.of("new"), List.of("invoke fn:$LATEST in us-east-1")),
                row("not in state, CRUD", null, "CRUD", same,
                        Action.CREATE, List.of("new"), List.of("create fn:$LATEST in us-east-1")),
                row("nothing changed, CREATE_ONLY", "CREATE_ONLY", "CREATE_ONLY", same,
                        Action.NO_OP, List.of(), List.of()),
                row("nothing changed, CRUD", "CRUD", "CRUD", same,
                        Action.NO_OP, List.of(), List.of()),
                row("same JSON value written differently", "CRUD", "CRUD", s -> s.input(" { \"a\" : 1.0 } "),
                        Action.NO_OP, List.of(), List.of()),
                row("input changed, CREATE_ONLY", "CREATE_ONLY", "CREATE_ONLY", s -> s.input("{\"a\": 2}"),
                        Action.REPLACE, List.of("input"), List.of("invoke fn:$LATEST in us-east-1")),
                row("input changed, CRUD", "CRUD", "CRUD", s -> s.input("{\"a\": 2}"),
                        Action.UPDATE, List.of("input"), List.of("update fn:$LATEST in us-east-1")),
                row("triggers changed, CREATE_ONLY", "CREATE_ONLY", "CREATE_ONLY", s -> s.trigger("version", "2"),
                        Action.REPLACE, List.of("triggers"), List.of("invoke fn:$LATEST in us-east-1")),
                row("trigger added, CRUD", "CRUD", "CRUD", s -> s.trigger("extra", "x"),
                        Action.REPLACE, List.of("triggers"),
                        List.of("delete fn:$LATEST in us-east-1", "create fn:$LATEST in us-east-1")),
                row("functionName changed, CREATE_ONLY", "CREATE_ONLY", "CREATE_ONLY", s -> s.functionName("fn2"),
                        Action.REPLACE, List.of("functionName"), List.of("invoke fn2:$LATEST in us-east-1")),
                row("functionName changed, CRUD", "CRUD", "CRUD", s -> s.functionName("fn2"),
                        Action.REPLACE, List.of("functionName"),
                        List.of("delete fn:$LATEST in us-east-1", "create fn2:$LATEST in us-east-1")),
                row("qualifier changed, CRUD", "CRUD", "CRUD", s -> s.qualifier("7"),
                        Action.REPLACE, List.of("qualifier"),
                        List.of("delete fn:$LATEST in us-east-1", "create fn:7 in us-east-1")),
                row("region changed, CREATE_ONLY", "CREATE_ONLY", "CREATE_ONLY", s -> s.region("eu-west-1"),
                        Action.REPLACE, List.of("region"), List.of("invoke fn:$LATEST in eu-west-1")),
                row("region changed, CRUD", "CRUD", "CRUD", s -> s.region("eu-west-1"),
                        Action.REPLACE, List.of("region"),
                        List.of("delete fn:$LATEST in us-east-1", "create fn:$LATEST in eu-west-1")),
                row("replace with a changed input too, CRUD", "CRUD", "CRUD",
                        s -> s.functionName("fn2").input("{\"a\": 2}"),
                        Action.REPLACE, List.of("functionName", "input"),
                        List.of("delete fn:$LATEST in us-east-1", "create fn2:$LATEST in us-east-1")),
                row("clientContext added, CREATE_ONLY", "CREATE_ONLY", "CREATE_ONLY", s -> s.clientContext("{\"k\": 1}"),
                        Action.REPLACE, List.of("clientContext"), List.of("invoke fn:$LATEST in us-east-1")),
                row("clientContext added, CRUD", "CRUD", "CRUD", s -> s.clientContext("{\"k\": 1}"),
                        Action.UPDATE, List.of("clientContext"), List.of("update fn:$LATEST in us-east-1")),
                row("clientContext and input changed, CRUD", "CRUD", "CRUD",
                        s -> s.clientContext("{\"k\": 1}").input("{\"a\": 2}"),
                        Action.UPDATE, List.of("input", "clientContext"), List.of("update fn:$LATEST in us-east-1")),
                row("own profile named, CRUD: another account", "CRUD", "CRUD",
                        s -> s.access("account-b", null, null, null, null),
                        Action.REPLACE, List.of("access"),
                        List.of("delete fn:$LATEST in us-east-1", "create fn:$LATEST in us-east-1 via profile account-b")),
                row("own role named, CREATE_ONLY", "CREATE_ONLY", "CREATE_ONLY",
                        s -> s.access("account-b", null, "arn:aws:iam::123456789012:role/seeder", "ext", null),
                        Action.REPLACE, List.of("access"),
                        List.of("invoke fn:$LATEST in us-east-1 via role arn:aws:iam::123456789012:role/seeder")),
                row("own server and endpoint named, CRUD", "CRUD", "CRUD",
                        s -> s.access(null, "aws-b", null, null, "http://127.0.0.1:4566"),
                        Action.REPLACE, List.of("access"), List.of("delete fn:$LATEST in us-east-1",
                                "create fn:$LATEST in us-east-1 via server aws-b at http://127.0.0.1:4566")),
                row("only lifecycleScope changed, to CRUD", "CREATE_ONLY", "CRUD", same,
                        Action.UPDATE, List.of("lifecycleScope"), List.of("update fn:$LATEST in us-east-1")),
                row("only lifecycleScope changed, to CREATE_ONLY", "CRUD", "CREATE_ONLY", same,
                        Action.UPDATE, List.of("lifecycleScope"), List.of()),
                row("only terraformKey changed, CRUD", "CRUD", "CRUD", s -> s.terraformKey("lc"),
                        Action.UPDATE, List.of("terraformKey"), List.of("update fn:$LATEST in us-east-1")),
                row("only terraformKey changed, CREATE_ONLY", "CREATE_ONLY", "CREATE_ONLY", s -> s.terraformKey("lc"),
                        Action.UPDATE, List.of("terraformKey"), List.of()),
                row("CRUD to CREATE_ONLY with a new input: the old CRUD entry is deleted", "CRUD", "CREATE_ONLY",
                        s -> s.input("{\"a\": 2}"),
                        Action.REPLACE, List.of("input", "lifecycleScope"),
                        List.of("delete fn:$LATEST in us-east-1", "invoke fn:$LATEST in us-east-1")),
                row("CREATE_ONLY to CRUD with a new function: nothing to delete", "CREATE_ONLY", "CRUD",
                        s -> s.functionName("fn2"),
                        Action.REPLACE, List.of("functionName", "lifecycleScope"),
                        List.of("create fn2:$LATEST in us-east-1")),
                row("recorded, no longer configured, CRUD", "CRUD", null, same,
                        Action.DELETE, List.of("removed"), List.of("delete fn:$LATEST in us-east-1")),
                row("recorded, no longer configured, CREATE_ONLY", "CREATE_ONLY", null, same,
                        Action.FORGET, List.of("removed"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invokeTable")
    void invoke(String situation, String recordedScope, String desiredScope, UnaryOperator<InvocationSettings> change,
            Action action, List<String> reasons, List<String> calls) {
        State state = recordedScope == null ? State.empty() : State.of(List.of(recorded(base(recordedScope))));
        List<DesiredInvocation> wanted = desiredScope == null
                ? List.of()
                : List.of(desired(change.apply(base(desiredScope))));

        Plan plan = Planner.forInvoke(wanted, state);

        assertThat(plan.changes()).hasSize(1);
        PlannedChange c = plan.changes().get(0);
        assertThat(c.action()).isEqualTo(action);
        assertThat(c.reasons()).isEqualTo(reasons);
        assertThat(c.calls()).extracting(k -> k.event() + " " + k.target().describe()).isEqualTo(calls);
    }

    @Test
    void aClientContextIsComparedAsAJsonValueAndItsRemovalIsAChange() {
        State state = State.of(List.of(recorded(base("CRUD").clientContext("{\"a\": 1, \"b\": [true]}"))));

        PlannedChange same = Planner.forInvoke(List.of(desired(base("CRUD")
                .clientContext(" { \"b\" : [ true ], \"a\" : 1.0 } "))), state).changes().get(0);
        PlannedChange removed = Planner.forInvoke(List.of(desired(base("CRUD"))), state).changes().get(0);

        assertThat(same.action()).isEqualTo(Action.NO_OP);
        assertThat(removed.action()).isEqualTo(Action.UPDATE);
        assertThat(removed.reasons()).containsExactly("clientContext");
    }

    @Test
    void anInvocationsOwnAccessIsComparedWithWhatWasRecordedAndTheDeleteGoesWithTheRecordedOne() {
        State state = State.of(List.of(recorded(base("CRUD").access("account-a", null, null, null, null))));

        PlannedChange same = Planner.forInvoke(List.of(desired(base("CRUD")
                .access("account-a", null, null, null, null))), state).changes().get(0);
        PlannedChange moved = Planner.forInvoke(List.of(desired(base("CRUD")
                .access("account-b", null, null, null, null))), state).changes().get(0);
        PlannedChange dropped = Planner.forInvoke(List.of(desired(base("CRUD"))), state).changes().get(0);

        assertThat(same.action()).isEqualTo(Action.NO_OP);
        assertThat(moved.calls()).extracting(k -> k.event() + " " + k.target().describe()).containsExactly(
                "delete fn:$LATEST in us-east-1 via profile account-a",
                "create fn:$LATEST in us-east-1 via profile account-b");
        assertThat(dropped.action()).as("back to the plugin's access").isEqualTo(Action.REPLACE);
        assertThat(dropped.reasons()).containsExactly("access");
    }

    @Test
    void updateAndDeleteCarryTheRecordedInputAndKey() {
        RecordedInvocation old = recorded(base("CRUD").terraformKey("old_key"));
        DesiredInvocation now = desired(base("CRUD").input("{\"a\": 2}"));

        PlannedCall update = Planner.forInvoke(List.of(now), State.of(List.of(old))).changes().get(0).calls().get(0);
        assertThat(update.kind()).isEqualTo(PlannedCall.PayloadKind.CRUD_UPDATE);
        assertThat(update.input()).isEqualTo(now.spec().input());
        assertThat(update.previousInput()).isEqualTo(old.spec().input());
        assertThat(update.terraformKey()).isEqualTo("tf");

        DesiredInvocation moved = desired(base("CRUD").functionName("fn2"));
        PlannedCall delete = Planner.forInvoke(List.of(moved), State.of(List.of(old))).changes().get(0).calls().get(0);
        assertThat(delete.kind()).isEqualTo(PlannedCall.PayloadKind.CRUD_DELETE);
        assertThat(delete.input()).isEqualTo(old.spec().input());
        assertThat(delete.previousInput()).isEqualTo(old.spec().input());
        assertThat(delete.terraformKey()).as("the delete uses the key the entry was recorded with")
                .isEqualTo("old_key");
    }

    @Test
    void createOnlySendsTheInputExactlyAsWritten() {
        String written = "{ \"a\" :   1 }";
        PlannedCall call = Planner.forInvoke(List.of(desired(base("CREATE_ONLY").input(written))), State.empty())
                .changes().get(0).calls().get(0);

        assertThat(call.kind()).isEqualTo(PlannedCall.PayloadKind.RAW);
        assertThat(call.rawText()).isEqualTo(written);
    }

    @Test
    void removedEntriesComeFirstThenConfigurationOrder() {
        State state = State.of(List.of(
                recorded(base("CRUD").id("old")),
                recorded(base("CRUD").id("b"))));
        List<DesiredInvocation> wanted = List.of(
                desired(base("CRUD").id("c")),
                desired(base("CRUD").id("b")),
                desired(base("CRUD").id("a")));

        assertThat(Planner.forInvoke(wanted, state).changes())
                .extracting(c -> c.id() + ":" + c.action().label())
                .containsExactly("old:delete", "c:create", "b:no-op", "a:create");
    }

    @Test
    void destroyTearsDownInReverseConfigurationOrderThenTheRest() {
        State state = State.of(List.of(
                recorded(base("CRUD").id("a")),
                recorded(base("CREATE_ONLY").id("b")),
                recorded(base("CRUD").id("c")),
                recorded(base("CRUD").id("zz-unconfigured")),
                recorded(base("CRUD").id("y-unconfigured"))));

        Plan all = Planner.forDestroy(state, List.of(), List.of("a", "b", "c", "not-recorded"));
        assertThat(all.changes())
                .extracting(c -> c.id() + ":" + c.action().label() + ":" + c.reasons())
                .containsExactly("c:delete:[destroy]", "b:forget:[destroy]", "a:delete:[destroy]",
                        "zz-unconfigured:delete:[destroy]", "y-unconfigured:delete:[destroy]");

        Plan some = Planner.forDestroy(state, List.of("a", "zz-unconfigured"), List.of("a", "b", "c"));
        assertThat(some.changes()).extracting(PlannedChange::id).containsExactly("a", "zz-unconfigured");
    }

    @Test
    void theReportShowsEveryActionAndItsReasons() {
        State state = State.of(List.of(
                recorded(base("CRUD").id("upd")),
                recorded(base("CRUD").id("gone")),
                recorded(base("CREATE_ONLY").id("forgot")),
                recorded(base("CRUD").id("same"))));
        Plan plan = Planner.forInvoke(List.of(
                desired(base("CRUD").id("upd").input("{\"a\": 3}")),
                desired(base("CRUD").id("same")),
                desired(base("CRUD").id("new"))), state);

        assertThat(PlanReport.lines(plan)).containsExactly(
                "  x forgot  forget   (removed) CREATE_ONLY: forgotten without an invocation",
                "  - gone    delete   (removed): delete fn:$LATEST in us-east-1",
                "  ~ upd     update   (input): update fn:$LATEST in us-east-1",
                "    same    no-op",
                "  + new     create   (new): create fn:$LATEST in us-east-1");
        assertThat(PlanReport.summary(plan)).isEqualTo(
                "Plan: 1 to create, 1 to update, 0 to replace, 1 to delete, 1 to forget, 1 unchanged;"
                        + " 3 Lambda invocations.");
        assertThat(Json.write(((io.github.lambdainvocation.json.JsonValue.JsonArray) PlanReport.json(plan, "state.json")
                .get("invocations")).elements().get(2))).isEqualTo(
                "{\"id\":\"upd\",\"action\":\"update\",\"input\":{\"a\":3},\"reasons\":[\"input\"],\"calls\":[{\"event\":\"update\","
                        + "\"functionName\":\"fn\",\"qualifier\":\"$LATEST\",\"region\":\"us-east-1\"}]}");
    }
}
