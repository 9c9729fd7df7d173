package io.github.lambdainvocation.config;

import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.Graph;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.payload.Placeholders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks that need every invocation at once: dependencies that exist, no cycles, results that will exist. */
final class CrossChecks {

    private CrossChecks() {}

    /** What needs every invocation at once: ids that exist, no cycles, results that will exist. */
    static List<String> check(List<DesiredInvocation> all) {
        List<String> problems = new ArrayList<>();
        Map<String, DesiredInvocation> byId = new LinkedHashMap<>();
        for (DesiredInvocation d : all) {
            byId.put(d.id(), d);
        }
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (DesiredInvocation d : all) {
            dependencyProblems(d, byId, problems);
            placeholderProblems(d, byId, problems);
            List<String> known = new ArrayList<>();
            for (String dep : d.spec().dependsOn()) {
                if (byId.containsKey(dep) && !dep.equals(d.id())) {
                    known.add(dep);
                }
            }
            edges.put(d.id(), known);
        }
        if (problems.isEmpty()) {
            Optional<List<String>> cycle = new Graph(edges).cycle();
            if (cycle.isPresent()) {
                problems.add("invocations depend on each other in a cycle: " + String.join(" -> ", cycle.get())
                        + " (through {{dependsOn}} or the placeholders of their inputs)");
            }
        }
        return problems;
    }

    private static void dependencyProblems(DesiredInvocation d, Map<String, DesiredInvocation> byId,
            List<String> problems) {
        Set<String> read = new HashSet<>();
        for (Placeholders.Reference ref : Placeholders.find(d.spec().input())) {
            read.add(ref.id());
        }
        for (String dep : d.spec().dependsOn()) {
            if (read.contains(dep)) {
                continue; // implied by a placeholder: any problem is reported for the placeholder
            }
            if (dep.equals(d.id())) {
                problems.add("invocation '" + d.id() + "': {{dependsOn}} names the invocation itself");
            } else if (!byId.containsKey(dep)) {
                problems.add("invocation '" + d.id() + "': {{dependsOn}} names '" + dep + "', which is not a"
                        + " configured invocation id; configured: " + byId.keySet());
            }
        }
    }

    private static void placeholderProblems(DesiredInvocation d, Map<String, DesiredInvocation> byId,
            List<String> problems) {
        for (Placeholders.Reference ref : Placeholders.find(d.spec().input())) {
            DesiredInvocation other = byId.get(ref.id());
            String reads = "invocation '" + d.id() + "': " + d.inputSource() + " reads " + ref;
            if (ref.id().equals(d.id())) {
                problems.add(reads + ", its own result");
            } else if (other == null) {
                problems.add(reads + ", but '" + ref.id() + "' is not a configured invocation id");
            } else if (other.spec().invocationType() == InvocationType.Event) {
                problems.add(reads + ", but '" + ref.id() + "' is invoked asynchronously"
                        + " ({{invocationType=Event}}) and has no result");
            } else if (!other.spec().keepResult() && other.spec().scope() != LifecycleScope.EVERY_RUN) {
                problems.add(reads + ", but '" + ref.id() + "' does not keep its result ({{keepResult}} is false),"
                        + " so a run that does not invoke it has none to read; only an ephemeral result that is"
                        + " fresh on every run ({{lifecycleScope=EVERY_RUN}} on '" + ref.id() + "') can be read");
            }
        }
    }
}
