package io.github.lambdainvocation.config;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.Graph;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.payload.Placeholders;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every configured invocation before anything is invoked, and collects every problem it finds so that
 * one build run shows them all. Each problem names the invocation id and the POM element.
 */
public final class InvocationValidator {

    /**
     * One {@code <invocation>} exactly as configured, before any checking: every value may be missing or wrong.
     * The Maven binding implements it; so can anything else that reads a configuration.
     */
    public interface RawInvocation {
        String getId();

        String getFunctionName();

        String getInput();

        File getInputFile();

        String getLifecycleScope();

        String getQualifier();

        String getRegion();

        String getTerraformKey();

        Map<String, String> getTriggers();

        String getTimeout();

        boolean isSensitive();

        List<String> getDependsOn();

        Map<String, String> getOutputs();

        String getInvocationType();

        boolean isTriggerOnCodeChange();
    }

    /** Ids become file names (results/&lt;id&gt;.json) and property names, so they are kept plain. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final String pluginRegion;
    private final InputReader inputs;

    /**
     * @param pluginRegion the plugin-level {@code <region>}, used when an invocation has none; may be null
     * @param basedir the directory a relative {@code <inputFile>} is resolved against
     */
    public InvocationValidator(String pluginRegion, Path basedir) {
        this.pluginRegion = ElementChecks.blankToNull(pluginRegion);
        this.inputs = new InputReader(basedir);
    }

    public List<DesiredInvocation> validate(List<? extends RawInvocation> configured) throws ConfigurationException {
        List<String> problems = new ArrayList<>();
        List<DesiredInvocation> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < configured.size(); i++) {
            RawInvocation raw = configured.get(i);
            Problems p = new Problems(Problems.label(raw.getId(), i + 1), problems);
            checkId(raw.getId(), seen, p);
            DesiredInvocation checked = new ElementChecks(raw, p).check(pluginRegion, inputs);
            if (checked != null && p.none()) {
                valid.add(checked);
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(crossChecks(valid));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return valid;
    }

    /** The configured ids in configuration order, unchecked (destroy needs no more). */
    public static List<String> ids(List<? extends RawInvocation> configured) {
        return configured.stream().map(RawInvocation::getId).filter(id -> id != null && !id.isBlank()).toList();
    }

    private static void checkId(String id, Set<String> seen, Problems p) {
        if (id == null || id.isBlank()) {
            p.add("{{id}}", "is required: give each invocation a unique id (letters, digits, '.', '_', '-')");
        } else if (!ID.matcher(id).matches() || id.chars().allMatch(c -> c == '.')) {
            p.add("{{id}}", "'" + id + "' may only use letters, digits, '.', '_' and '-' (1 to 128 of them,"
                    + " not only dots): the id names the state entry, the results file and a property");
        } else if (!seen.add(id)) {
            p.add("{{id}}", "is used by more than one invocation: ids must be unique");
        }
    }

    /** What needs every invocation at once: ids that exist, no cycles, results that will exist. */
    private static List<String> crossChecks(List<DesiredInvocation> all) {
        List<String> problems = new ArrayList<>();
        Map<String, DesiredInvocation> byId = new LinkedHashMap<>();
        all.forEach(d -> byId.put(d.id(), d));
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (DesiredInvocation d : all) {
            dependencyProblems(d, byId, problems);
            placeholderProblems(d, byId, problems);
            edges.put(d.id(), d.spec().dependsOn().stream().filter(byId::containsKey).filter(x -> !x.equals(d.id()))
                    .toList());
        }
        if (problems.isEmpty()) {
            new Graph(edges).cycle().ifPresent(cycle -> problems.add(
                    "invocations depend on each other in a cycle: " + String.join(" -> ", cycle)
                            + " (through {{dependsOn}} or the placeholders of their inputs)"));
        }
        return problems;
    }

    private static void dependencyProblems(DesiredInvocation d, Map<String, DesiredInvocation> byId,
            List<String> problems) {
        Set<String> read = new HashSet<>();
        Placeholders.find(d.spec().input()).forEach(ref -> read.add(ref.id()));
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
            }
        }
    }
}
