package io.github.lambdainvocation.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.testing.LocalLambdaServer.Request;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a killed run must leave behind, checked against what the function received: pure functions of the calls
 * the local endpoint recorded, the state and the configuration. Every input names its id (see {@link Workload}),
 * and the functions echo their payload, so a call's result is its payload.
 */
final class Ledger {

    private Ledger() {}

    /**
     * The calls of {@code received} (completed or still running when the build died) that {@code state} neither
     * records nor holds as pending. A create or update is recorded when the id's result is that call's echo; a
     * delete when the id is no longer recorded on the function it was sent to.
     */
    static List<String> unaccounted(List<Request> received, State state) {
        return received.stream().filter(call -> !accountedFor(call, state)).map(Ledger::describe).toList();
    }

    private static boolean accountedFor(Request call, State state) {
        String id = Workload.idOf(call.payload());
        PendingCall pending = state.pending().get(id);
        if (pending != null && pending.payload().equals(call.payload())) {
            return true;
        }
        RecordedInvocation recorded = state.get(id).orElse(null);
        if ("delete".equals(Workload.eventOf(call.payload()))) {
            return recorded == null || !recorded.target().functionName().equals(call.function());
        }
        return recorded != null && recorded.result() != null
                && Workload.json(recorded.result()).equals(Workload.json(call.payload()));
    }

    /**
     * The other way round: what {@code state} says was done since {@code before} although the function never
     * received that call (a record written ahead of its call would hide a call that never ran).
     */
    static List<String> claimedWithoutCall(State before, State state, List<Request> received) {
        Set<String> payloads = received.stream().map(Request::payload).collect(Collectors.toSet());
        Set<String> ids = new TreeSet<>(before.invocations().keySet());
        ids.addAll(state.invocations().keySet());
        List<String> claimed = new ArrayList<>();
        for (String id : ids) {
            RecordedInvocation was = before.get(id).orElse(null);
            RecordedInvocation now = state.get(id).orElse(null);
            if (state.pending().containsKey(id) || Objects.equals(was, now)) {
                continue;
            }
            boolean seen = now == null
                    ? received.stream().anyMatch(call -> Workload.idOf(call.payload()).equals(id)
                            && "delete".equals(Workload.eventOf(call.payload())))
                    : now.result() != null && payloads.stream().anyMatch(p -> Workload.json(p).equals(
                            Workload.json(now.result())));
            if (!seen) {
                claimed.add(id + (now == null ? " forgotten" : " recorded") + " without a call");
            }
        }
        return claimed;
    }

    /**
     * Whether {@code id} needs nothing more after {@code state}: no pending call, and recorded as configured (or,
     * when no longer configured, not recorded).
     */
    static boolean settled(String id, State state, List<DesiredInvocation> desired) {
        if (state.pending().containsKey(id)) {
            return false;
        }
        RecordedInvocation recorded = state.get(id).orElse(null);
        DesiredInvocation wanted = byId(desired).get(id);
        return wanted == null ? recorded == null : recorded != null && wanted.spec().changesFrom(recorded.spec()).isEmpty();
    }

    /**
     * The calls of the run after the kill that it must not have made: anything for a settled id, or a call the
     * killed run had made already, unless it is the resend of a call left pending ({@code afterKill}).
     */
    static List<String> needlessSends(List<Request> recovery, List<Request> killed, State afterKill,
            List<DesiredInvocation> desired) {
        Set<String> sentBefore = killed.stream().map(Request::payload).collect(Collectors.toSet());
        List<String> needless = new ArrayList<>();
        for (Request call : recovery) {
            String id = Workload.idOf(call.payload());
            PendingCall pending = afterKill.pending().get(id);
            boolean resend = pending != null && pending.payload().equals(call.payload());
            if (!resend && (settled(id, afterKill, desired) || sentBefore.contains(call.payload()))) {
                needless.add(describe(call));
            }
        }
        return needless;
    }

    /** Each call pending after the kill must be sent again exactly once, with the same bytes. */
    static List<String> pendingNotResentOnce(State afterKill, List<Request> recovery) {
        List<String> problems = new ArrayList<>();
        for (PendingCall pending : afterKill.pending().values()) {
            long sent = recovery.stream().filter(call -> call.payload().equals(pending.payload())
                    && call.function().equals(pending.target().functionName())).count();
            if (sent != 1) {
                problems.add(pending.id() + " " + pending.event() + " pending, sent again " + sent + " times");
            }
        }
        return problems;
    }

    /**
     * How {@code state} differs from a state that matches {@code desired}: no pending call, exactly the configured
     * ids, each recorded with its configured spec and the echo of its configured input as its result.
     */
    static List<String> mismatches(State state, List<DesiredInvocation> desired) {
        List<String> problems = new ArrayList<>();
        state.pending().values().forEach(p -> problems.add(p.id() + " still pending (" + p.event() + ")"));
        Map<String, DesiredInvocation> wanted = byId(desired);
        if (!state.invocations().keySet().equals(wanted.keySet())) {
            problems.add("recorded ids " + state.invocations().keySet() + ", configured " + wanted.keySet());
        }
        for (DesiredInvocation d : desired) {
            state.get(d.id()).ifPresent(recorded -> {
                if (!d.spec().changesFrom(recorded.spec()).isEmpty()) {
                    problems.add(d.id() + " recorded with other " + d.spec().changesFrom(recorded.spec()));
                }
                if (recorded.result() == null || !inputOf(recorded.result()).equals(Workload.json(
                        io.github.lambdainvocation.json.Json.write(d.spec().input())))) {
                    problems.add(d.id() + "'s result is not the echo of its configured input");
                }
            });
        }
        return problems;
    }

    /** What an echoed payload was made of: the payload without its lifecycle key. */
    private static JsonNode inputOf(String result) {
        ObjectNode payload = (ObjectNode) Workload.json(result).deepCopy();
        payload.remove("tf");
        return payload;
    }

    private static Map<String, DesiredInvocation> byId(Collection<DesiredInvocation> desired) {
        return desired.stream().collect(Collectors.toMap(DesiredInvocation::id, Function.identity(), (a, b) -> a,
                TreeMap::new));
    }

    static String describe(Request call) {
        return Workload.idOf(call.payload()) + " " + Workload.eventOf(call.payload()) + " to " + call.function();
    }
}
