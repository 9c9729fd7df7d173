package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.model.ApplyReport;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.lambda.LambdaCallException;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.plan.PlannedChange;
import java.util.List;

/** The words of a failed apply: what failed, what the state now holds, and what the next run does. */
final class Failures {

    private Failures() {}

    /** A failed call of {@code change}, saying what became of its state entry. */
    static LambdaInvocationException ofCall(PlannedChange change, PlannedCall call, LambdaCallException e) {
        StringBuilder text = new StringBuilder("Invocation '").append(change.id()).append("' (")
                .append(change.action().label());
        if (change.calls().size() > 1) {
            text.append(": its ").append(call.event()).append(" call");
        }
        text.append(") failed. ").append(e.getMessage()).append(System.lineSeparator());
        boolean deletedBefore = change.calls().indexOf(call) > 0
                && change.calls().get(0).kind() == PlannedCall.PayloadKind.CRUD_DELETE;
        if (deletedBefore) {
            text.append("The delete to the old target succeeded and is recorded ('").append(change.id())
                    .append("' is no longer in the state); the next run creates it again.");
        } else if (e.outcomeUnknown()) {
            text.append("The call to '").append(change.id()).append("' stays recorded as sent with an unknown outcome;"
                    + " the next run shows it as interrupted and sends it again, unless it is acknowledged with"
                    + " {{-acknowledge=").append(change.id()).append("}}.");
        } else {
            text.append("The state of '").append(change.id()).append("' was not changed; the next run tries it again.");
        }
        return new LambdaInvocationException(text.toString(), e.userFixable(), e);
    }

    /** Every failure of a run, and what was done before it. */
    static String render(List<String> failures, ApplyReport report) {
        StringBuilder text = new StringBuilder();
        if (failures.size() == 1) {
            text.append(failures.get(0));
        } else {
            text.append(failures.size()).append(" invocations failed:");
            for (String failure : failures) {
                text.append(System.lineSeparator()).append("- ").append(failure.replace(System.lineSeparator(),
                        System.lineSeparator() + "  "));
            }
        }
        return text.append(System.lineSeparator()).append("Before the failure: ").append(report.summary())
                .append(". Changes after it were not attempted.").toString();
    }
}
