package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.model.CodeVersion;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.payload.PlannedCall;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The change of one configured invocation, by the rules of {@link Planner}: create, update, replace (a
 * {@code delete} of what CRUD recorded, then a create), refresh (EVERY_RUN), nothing, or a deferred change
 * whose input reads results this run changes first; and the calls each of them makes.
 */
final class ChangeRules {

    private ChangeRules() {}

    /** What {@link Planner#change} answers. */
    static PlannedChange.Configured change(DesiredInvocation wanted, RecordedInvocation r, CodeVersion code,
            boolean replaceRequested) {
        DesiredInvocation d = code == null ? wanted : wanted.with(wanted.spec().withCode(code), wanted.inputText());
        if (d.spec().scope() == LifecycleScope.EVERY_RUN) {
            return decided(d, Action.REFRESH, List.of(Planner.EVERY_RUN), replacementCalls(d, r), r, code,
                    replaceRequested);
        }
        if (r == null) {
            return decided(d, Action.CREATE, List.of(PlannedChange.NEW), List.of(createCall(d)), null, code,
                    replaceRequested);
        }
        List<InvocationSpec.Field> changed = d.spec().changesFrom(r.spec());
        List<String> reasons = new ArrayList<>();
        for (InvocationSpec.Field field : changed) {
            reasons.add(field.label());
        }
        if (replaceRequested) {
            reasons.add(Planner.REPLACE_REQUESTED);
        }
        if (reasons.isEmpty()) {
            return decided(d, Action.NO_OP, List.of(), List.of(), r, code, false);
        }
        Set<InvocationSpec.Change> effects = EnumSet.noneOf(InvocationSpec.Change.class);
        for (InvocationSpec.Field field : changed) {
            effects.add(field.change(d.spec(), r.spec()));
        }
        if (!replaceRequested && effects.equals(EnumSet.of(InvocationSpec.Change.STATE_ONLY))) {
            // only how the plugin treats the values changed: record it, call nothing
            return decided(d, Action.UPDATE, reasons, List.of(), r, code, false);
        }
        if (replaceRequested || effects.contains(InvocationSpec.Change.REPLACE)) {
            return decided(d, Action.REPLACE, reasons, replacementCalls(d, r), r, code, replaceRequested);
        }
        return decided(d, Action.UPDATE, reasons, updateCalls(d, r), r, code, false);
    }

    /** A change decided now (not deferred), to start after nothing yet. */
    private static PlannedChange.Configured decided(DesiredInvocation d, Action action, List<String> reasons,
            List<PlannedCall> calls, RecordedInvocation r, CodeVersion code, boolean replaceRequested) {
        return new PlannedChange.Configured(d.id(), action, reasons, calls, Optional.ofNullable(r), d, List.of(),
                false, code, replaceRequested);
    }

    /** The calls of a replacement (or a refresh): {@code delete} to what is recorded under CRUD, then create. */
    private static List<PlannedCall> replacementCalls(DesiredInvocation d, RecordedInvocation r) {
        List<PlannedCall> calls = new ArrayList<>();
        if (r != null && r.spec().scope() == LifecycleScope.CRUD) {
            calls.add(deleteCall(r));
        }
        calls.add(createCall(d));
        return calls;
    }

    /** The calls of an update: under CRUD one {@code update} whose {@code prev_input} is the recorded input. */
    private static List<PlannedCall> updateCalls(DesiredInvocation d, RecordedInvocation r) {
        return d.spec().scope() == LifecycleScope.CRUD
                ? List.of(PlannedCall.crudUpdate(d.target(), d.spec().input(), r.spec().input(),
                        d.spec().terraformKey()))
                : List.of();
    }

    /** A change whose input reads results of {@code changing}: tentative until they ran. */
    static PlannedChange.Configured deferred(DesiredInvocation d, RecordedInvocation r, CodeVersion code,
            boolean replace, List<String> changing) {
        PlannedChange.Configured tentative = change(d, r, code, replace);
        String reads = InvocationSpec.Field.INPUT.label() + " once " + String.join(", ", changing) + " ran";
        List<String> reasons = new ArrayList<>();
        for (String reason : tentative.reasons()) {
            if (!reason.equals(InvocationSpec.Field.INPUT.label())) {
                reasons.add(reason);
            }
        }
        reasons.add(reads);
        Action action = tentative.action() == Action.NO_OP
                ? (d.spec().scope() == LifecycleScope.CRUD ? Action.UPDATE : Action.REPLACE)
                : tentative.action();
        return new PlannedChange.Configured(d.id(), action, reasons, tentative.calls(), Optional.ofNullable(r), d,
                List.of(), true, code, replace);
    }

    private static PlannedCall createCall(DesiredInvocation d) {
        return d.spec().scope() == LifecycleScope.CRUD
                ? PlannedCall.crudCreate(d.target(), d.spec().input(), d.spec().terraformKey())
                : PlannedCall.raw(d.target(), d.inputText());
    }

    static PlannedCall deleteCall(RecordedInvocation r) {
        return PlannedCall.crudDelete(r.target(), r.spec().input(), r.spec().terraformKey());
    }
}
