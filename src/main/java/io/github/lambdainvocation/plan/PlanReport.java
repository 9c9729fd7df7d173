package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.model.Digests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A plan as people read it (one line per invocation id, then a summary) and as status.json holds it. Pure. */
public final class PlanReport {

    private PlanReport() {}

    /** The plan's lines, without the heading: {@code "  + seed-db  create  fn:$LATEST"}. */
    public static List<String> lines(Plan plan) {
        int width = 0;
        for (PlannedChange c : plan.changes()) {
            width = Math.max(width, c.id().length());
        }
        List<String> lines = new ArrayList<>();
        for (PlannedChange c : plan.changes()) {
            StringBuilder line = new StringBuilder();
            line.append(String.format("%3s %-" + width + "s  %-7s", c.action().symbol(), c.id(), c.action().label()));
            if (c.action() != Action.NO_OP) {
                line.append("  ").append(detail(c));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** "Plan: 1 to create, 0 to update, ...; 2 Lambda invocations." */
    public static String summary(Plan plan) {
        Map<Action, Integer> n = plan.countByAction();
        int calls = plan.callCount();
        String extra = (n.get(Action.REFRESH) > 0 ? n.get(Action.REFRESH) + " to refresh, " : "")
                + (n.get(Action.INTERRUPTED) > 0 ? n.get(Action.INTERRUPTED) + " interrupted, " : "");
        int deferred = 0;
        for (PlannedChange c : plan.changes()) {
            deferred += c.deferred() ? 1 : 0;
        }
        return "Plan: " + extra + n.get(Action.CREATE) + " to create, " + n.get(Action.UPDATE) + " to update, "
                + n.get(Action.REPLACE) + " to replace, " + n.get(Action.DELETE) + " to delete, "
                + n.get(Action.FORGET) + " to forget, " + n.get(Action.NO_OP) + " unchanged; "
                + (deferred > 0 ? "up to " : "") + calls + " Lambda invocation" + (calls == 1 ? "" : "s")
                + (deferred > 0 ? " (" + deferred + " decided when the results they read are known)" : "") + ".";
    }

    /** The JSON of status.json: {@code {"invocations":[{"id":…,"action":…,"reasons":[…],"calls":[…]}],…}}. */
    public static JsonObject json(Plan plan, String stateLocation) {
        List<JsonValue> all = new ArrayList<>();
        for (PlannedChange c : plan.changes()) {
            JsonObject.Builder n = JsonObject.builder().put("id", c.id()).put("action", c.action().label());
            if (c.deferred()) {
                n.put("deferred", true);
            }
            if (c instanceof PlannedChange.Configured configured) {
                var spec = configured.desired().spec();
                if (spec.sensitive()) {
                    n.put("inputSha256", Digests.sha256(Json.write(spec.input())));
                } else {
                    n.put("input", spec.input());
                }
            }
            n.putStrings("reasons", c.reasons());
            List<JsonValue> calls = new ArrayList<>();
            for (PlannedCall call : c.calls()) {
                JsonObject.Builder k = JsonObject.builder()
                        .put("event", call.event())
                        .put("functionName", call.target().functionName())
                        .put("qualifier", call.target().qualifier())
                        .put("region", call.target().region());
                if (call.target().access() != null) {
                    // where the call goes, as the plan line says it: a role, profile or server, never a key
                    k.put("access", call.target().access().describe());
                }
                calls.add(k.build());
            }
            all.add(n.put("calls", new JsonArray(calls)).build());
        }
        JsonObject.Builder summary = JsonObject.builder();
        for (Map.Entry<Action, Integer> count : plan.countByAction().entrySet()) {
            summary.put(count.getKey().label(), count.getValue());
        }
        summary.put("invocations", plan.callCount());
        return JsonObject.builder()
                .put("state", stateLocation)
                .put("invocations", new JsonArray(all))
                .put("summary", summary.build())
                .build();
    }

    private static String detail(PlannedChange c) {
        String why = c.reasons().isEmpty() ? "" : "(" + String.join(", ", c.reasons()) + ")";
        if (c instanceof PlannedChange.Recovery recovery) {
            return why + (c.calls().isEmpty()
                    ? ": recorded as done without a call"
                    : ": send the " + recovery.pending().event() + " call to " + recovery.pending().target().describe()
                            + " again");
        }
        if (c.deferred() && c.action() != Action.CREATE && c.action() != Action.REFRESH) {
            why = why + " decided when it runs:";
        }
        if (c.calls().isEmpty()) {
            String what = c.action() == Action.FORGET
                    ? "CREATE_ONLY: forgotten without an invocation"
                    : "state only, no invocation";
            return (why + " " + what).strip();
        }
        String calls = c.calls().stream()
                .map(call -> call.event() + " " + call.target().describe())
                .collect(Collectors.joining(", then "));
        return why.isEmpty() ? calls : why + (why.endsWith(":") ? " " : ": ") + calls;
    }
}
