package io.github.lambdainvocation.config;

import io.github.lambdainvocation.payload.Placeholders;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.Durations;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.Target;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks every configured invocation before anything is invoked, and collects every problem it finds so that
 * one build run shows them all. Each problem names the invocation id and the POM element.
 */
public final class InvocationValidator {

    /** Ids become file names (results/&lt;id&gt;.json) and property names, so they are kept plain. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** A Maven expression Maven left alone because nothing defines it. */
    private static final Pattern UNSET_PROPERTY = Pattern.compile("\\$\\{[^}\\s]{1,200}}");

    /** Lambda's 15 minutes and a margin: a longer wait could only wait for nothing. */
    private static final java.time.Duration MAX_TIMEOUT = java.time.Duration.ofMinutes(16);

    private final String pluginRegion;
    private final Path basedir;

    /**
     * @param pluginRegion the plugin-level {@code <region>}, used when an invocation has none; may be null
     * @param basedir the directory a relative {@code <inputFile>} is resolved against
     */
    public InvocationValidator(String pluginRegion, Path basedir) {
        this.pluginRegion = blankToNull(pluginRegion);
        this.basedir = basedir;
    }

    public List<DesiredInvocation> validate(List<InvocationSettings> settings) throws ConfigurationException {
        List<String> problems = new ArrayList<>();
        List<DesiredInvocation> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < settings.size(); i++) {
            InvocationSettings s = settings.get(i);
            Problems p = new Problems(label(s.id(), i + 1), problems);
            String id = s.id();
            if (id == null || id.isBlank()) {
                p.add("<id>", "is required: give each invocation a unique id (letters, digits, '.', '_', '-')");
            } else if (!ID.matcher(id).matches() || id.chars().allMatch(c -> c == '.')) {
                p.add("<id>", "'" + id + "' may only use letters, digits, '.', '_' and '-' (1 to 128 of them,"
                        + " not only dots): the id names the state entry, the results file and a property");
            } else if (!seen.add(id)) {
                p.add("<id>", "is used by more than one invocation: ids must be unique");
            }
            DesiredInvocation checked = check(s, p);
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

    /** What needs every invocation at once: ids that exist, no cycles, results that will exist. */
    private static List<String> crossChecks(List<DesiredInvocation> all) {
        List<String> problems = new ArrayList<>();
        java.util.Map<String, DesiredInvocation> byId = new java.util.LinkedHashMap<>();
        all.forEach(d -> byId.put(d.id(), d));
        java.util.Map<String, List<String>> edges = new java.util.LinkedHashMap<>();
        for (DesiredInvocation d : all) {
            Set<String> read = new HashSet<>();
            Placeholders.find(d.input()).forEach(ref -> read.add(ref.id()));
            for (String dep : d.dependsOn()) {
                DesiredInvocation other = byId.get(dep);
                if (read.contains(dep)) {
                    continue; // implied by a placeholder: any problem is reported for the placeholder
                }
                if (dep.equals(d.id())) {
                    problems.add("invocation '" + d.id() + "': <dependsOn> names the invocation itself");
                } else if (other == null) {
                    problems.add("invocation '" + d.id() + "': <dependsOn> names '" + dep + "', which is not a"
                            + " configured invocation id; configured: " + byId.keySet());
                }
            }
            for (Placeholders.Reference ref : Placeholders.find(d.input())) {
                DesiredInvocation other = byId.get(ref.id());
                if (ref.id().equals(d.id())) {
                    problems.add("invocation '" + d.id() + "': " + d.inputSource() + " reads " + ref
                            + ", its own result");
                } else if (other == null) {
                    problems.add("invocation '" + d.id() + "': " + d.inputSource() + " reads " + ref + ", but '"
                            + ref.id() + "' is not a configured invocation id");
                } else if (other.invocationType() == InvocationType.Event) {
                    problems.add("invocation '" + d.id() + "': " + d.inputSource() + " reads " + ref + ", but '"
                            + ref.id() + "' is invoked asynchronously (<invocationType>Event</invocationType>)"
                            + " and has no result");
                }
            }
            edges.put(d.id(), d.dependsOn().stream().filter(byId::containsKey).filter(x -> !x.equals(d.id()))
                    .toList());
        }
        if (problems.isEmpty()) {
            new io.github.lambdainvocation.model.Graph(edges).cycle().ifPresent(cycle -> problems.add(
                    "invocations depend on each other in a cycle: " + String.join(" -> ", cycle)
                            + " (through <dependsOn> or the placeholders of their inputs)"));
        }
        return problems;
    }

    private DesiredInvocation check(InvocationSettings s, Problems p) {
        String functionName = blankToNull(s.functionName());
        if (functionName == null) {
            p.add("<functionName>", "is required: the function's name, partial ARN or full ARN");
        }

        LifecycleScope scope = LifecycleScope.CREATE_ONLY;
        if (s.lifecycleScope() != null && !s.lifecycleScope().isBlank()) {
            Optional<LifecycleScope> named = LifecycleScope.named(s.lifecycleScope().trim());
            if (named.isEmpty()) {
                p.add("<lifecycleScope>", "'" + s.lifecycleScope() + "' is not a lifecycle scope; valid values: "
                        + LifecycleScope.validNames());
            } else {
                scope = named.get();
            }
        }

        String terraformKey = DesiredInvocation.DEFAULT_TERRAFORM_KEY;
        if (s.terraformKey() != null) {
            if (s.terraformKey().isBlank()) {
                p.add("<terraformKey>", "is empty: leave it out for the default 'tf', or name a key");
            } else {
                terraformKey = s.terraformKey();
            }
        }

        java.time.Duration timeout = io.github.lambdainvocation.lambda.CallOptions.DEFAULT_TIMEOUT;
        if (s.timeout() != null && !s.timeout().isBlank()) {
            try {
                timeout = Durations.parse(s.timeout());
                if (timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
                    p.add("<timeout>", "'" + s.timeout() + "' must be more than 0 and at most 16m: Lambda stops a"
                            + " function after 15 minutes");
                }
            } catch (IllegalArgumentException e) {
                p.add("<timeout>", "'" + s.timeout() + "' " + e.getMessage());
            }
        }

        InvocationType type = InvocationType.RequestResponse;
        if (s.invocationType() != null && !s.invocationType().isBlank()) {
            Optional<InvocationType> named = InvocationType.named(s.invocationType().trim());
            if (named.isEmpty()) {
                p.add("<invocationType>", "'" + s.invocationType() + "' is not an invocation type; valid values: "
                        + InvocationType.validNames());
            } else {
                type = named.get();
            }
        }

        java.util.Map<String, String> outputs = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<String, String> output : s.outputs().entrySet()) {
            String name = output.getKey();
            String pointer = output.getValue() == null ? "" : output.getValue().trim();
            if (!ID.matcher(name).matches() || name.equals("result")) {
                p.add("<outputs>", "has the name '" + name + "': output names use letters, digits, '.', '_', '-'"
                        + " and cannot be 'result' (the property lambda-invocation.<id>.result is taken)");
            } else if (!pointer.startsWith("/")) {
                p.add("<outputs>", "<" + name + "> '" + pointer + "' is not a JSON pointer: it starts with '/', for"
                        + " example /tenant/id");
            } else {
                outputs.put(name, pointer);
            }
        }
        if (!outputs.isEmpty() && type == InvocationType.Event) {
            p.add("<outputs>", "cannot be read from an asynchronous invocation (<invocationType>Event"
                    + "</invocationType>): it has no result");
        }

        List<String> dependsOn = new ArrayList<>();
        for (String dep : s.dependsOn()) {
            if (dep != null && !dep.isBlank() && !dependsOn.contains(dep.trim())) {
                dependsOn.add(dep.trim());
            }
        }

        String qualifier = blankToNull(s.qualifier());
        String region = blankToNull(s.region());

        SortedMap<String, String> triggers = new TreeMap<>();
        for (Map.Entry<String, String> trigger : s.triggers().entrySet()) {
            triggers.put(trigger.getKey(), trigger.getValue() == null ? "" : trigger.getValue());
        }

        Input input = readInput(s, p);
        JsonNode json = null;
        if (input != null) {
            try {
                json = Json.parse(input.text());
            } catch (JsonSyntaxException e) {
                java.util.regex.Matcher unset = UNSET_PROPERTY.matcher(input.text());
                // the parser's words may quote the input: not for a sensitive invocation
                String problem = s.sensitive() ? "(details hidden: the invocation is sensitive)" : e.problem();
                p.add(input.source(), "is not valid JSON at line " + e.line() + ", column " + e.column() + ": "
                        + problem + (unset.find()
                                ? " (it still contains " + unset.group() + ": is that property set?)"
                                : ""));
            }
        }
        if (json != null && scope == LifecycleScope.CRUD) {
            if (!json.isObject()) {
                p.add(input.source(), "must be a JSON object with <lifecycleScope>CRUD</lifecycleScope>, because the"
                        + " lifecycle key '" + terraformKey + "' is added to it; it is a JSON "
                        + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            } else if (json.has(terraformKey)) {
                p.add(input.source(), "already has the key '" + terraformKey + "', which CRUD sets to the lifecycle"
                        + " event; set <terraformKey> to another name (for example '_lifecycle') so both fit");
            }
        }

        if (json != null) {
            for (Placeholders.Reference ref : Placeholders.find(json)) {
                String problem = Placeholders.pointerProblem(ref);
                if (problem != null) {
                    p.add(input.source(), problem);
                } else if (!dependsOn.contains(ref.id())) {
                    dependsOn.add(ref.id()); // reading a result means running after it
                }
            }
        }

        if (functionName == null || json == null || !p.none()) {
            return null;
        }
        return new DesiredInvocation(
                s.id(),
                new Target(functionName, qualifier == null ? Target.LATEST : qualifier,
                        region == null ? pluginRegion : region),
                json,
                input.text(),
                scope,
                terraformKey,
                triggers,
                input.source(),
                timeout,
                s.sensitive(),
                dependsOn,
                outputs,
                type,
                s.triggerOnCodeChange());
    }

    private record Input(String text, String source) {}

    private Input readInput(InvocationSettings s, Problems p) {
        boolean hasText = s.input() != null && !s.input().isEmpty();
        boolean hasFile = s.inputFile() != null;
        if (hasText && hasFile) {
            p.add("<input>", "and <inputFile> are both set: use exactly one of them");
            return null;
        }
        if (!hasText && !hasFile) {
            p.add("<input>", "is missing: set <input> to a JSON value, or <inputFile> to a file holding one");
            return null;
        }
        if (hasText) {
            return new Input(s.input(), "<input>");
        }
        Path file = s.inputFile().isAbsolute() ? s.inputFile() : basedir.resolve(s.inputFile());
        String source = "<inputFile> " + file;
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new Input(text, source);
        } catch (CharacterCodingException e) {
            p.add(source, "is not UTF-8 text");
        } catch (IOException e) {
            p.add(source, "cannot be read: " + describe(e));
        }
        return null;
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String label(String id, int position) {
        return id == null || id.isBlank() ? "invocation #" + position : "invocation '" + id + "'";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Problems of one invocation, added to the run's list. */
    private static final class Problems {
        private final String label;
        private final List<String> all;
        private int count;

        Problems(String label, List<String> all) {
            this.label = label;
            this.all = all;
        }

        void add(String element, String message) {
            all.add(label + ": " + element + " " + message);
            count++;
        }

        boolean none() {
            return count == 0;
        }
    }
}
