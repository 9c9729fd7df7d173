package io.github.lambdainvocation.config;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.model.Access;
import io.github.lambdainvocation.model.Defaults;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.Durations;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.payload.Placeholders;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


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

        /** Each trigger's text value; a trigger listed by {@link #getTriggersNotText} is not among them. */
        Map<String, String> getTriggers();

        /** The triggers configured with something nested inside them instead of one text value. */
        default Set<String> getTriggersNotText() {
            return Set.of();
        }

        String getTimeout();

        boolean isSensitive();

        List<String> getDependsOn();

        Map<String, String> getOutputs();

        String getInvocationType();

        boolean isTriggerOnCodeChange();

        /** False: the state keeps only the result's digest. */
        default boolean isKeepResult() {
            return true;
        }

        /** The invocation's own AWS profile; null for the plugin's. */
        default String getProfile() {
            return null;
        }

        /** The invocation's own settings.xml server with access keys; null for the plugin's. */
        default String getServerId() {
            return null;
        }

        /** The invocation's own role to assume; null for the plugin's. */
        default String getRoleArn() {
            return null;
        }

        /** The external id of the invocation's own role. */
        default String getRoleExternalId() {
            return null;
        }

        /** The invocation's own Lambda endpoint; null for the plugin's. */
        default String getEndpointUrl() {
            return null;
        }

        /** The JSON object sent as Lambda's ClientContext; null for none. */
        default String getClientContext() {
            return null;
        }
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
        this.pluginRegion = SettingValues.blankToNull(pluginRegion);
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
            DesiredInvocation checked = new Elements(raw, p).check(pluginRegion, inputs);
            if (checked != null && p.none()) {
                valid.add(checked);
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(CrossChecks.check(valid));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return valid;
    }

    /** The configured ids in configuration order, unchecked (destroy needs no more). */
    public static List<String> ids(List<? extends RawInvocation> configured) {
        List<String> ids = new ArrayList<>();
        for (RawInvocation invocation : configured) {
            String id = invocation.getId();
            if (id != null && !id.isBlank()) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    private static void checkId(String id, Set<String> seen, Problems p) {
        if (id == null || id.isBlank()) {
            p.add("{{id}}", "is required: give each invocation a unique id (letters, digits, '.', '_', '-')");
        } else if (!ID.matcher(id).matches() || id.replace(".", "").isEmpty()) {
            p.add("{{id}}", "'" + id + "' may only use letters, digits, '.', '_' and '-' (1 to 128 of them,"
                    + " not only dots): the id names the state entry, the results file and a property");
        } else if (!seen.add(id)) {
            p.add("{{id}}", "is used by more than one invocation: ids must be unique");
        }
    }

    /** The checks of one invocation's elements, each adding what is wrong to its problems. */
    private static final class Elements {

        /** A Maven expression Maven left alone because nothing defines it. */
        private static final Pattern UNSET_PROPERTY = Pattern.compile("\\$\\{[^}\\s]{1,200}}");

        private final RawInvocation raw;
        private final Problems p;

        Elements(RawInvocation raw, Problems p) {
            this.raw = raw;
            this.p = p;
        }

        /** The checked invocation, or null when any element is wrong (the problems say which). */
        DesiredInvocation check(String pluginRegion, InputReader inputs) {
            String functionName = SettingValues.blankToNull(raw.getFunctionName());
            if (functionName == null) {
                p.add("{{functionName}}", "is required: the function's name, partial ARN or full ARN");
            }
            LifecycleScope scope = named("{{lifecycleScope}}", raw.getLifecycleScope(), "a lifecycle scope",
                    LifecycleScope.CREATE_ONLY);
            String key = terraformKey();
            Duration timeout = timeout();
            InvocationType type = named("{{invocationType}}", raw.getInvocationType(), "an invocation type",
                    InvocationType.RequestResponse);
            Map<String, String> outputs = outputs(type);
            List<String> dependsOn = dependsOn();
            SortedMap<String, String> triggers = triggers();
            JsonValue clientContext = clientContext();
            Access access = access();
            InputReader.Input input = inputs.read(raw.getInput(), raw.getInputFile(), p);
            JsonValue json = input == null ? null : json(input, scope, key, dependsOn);
            if (functionName == null || json == null || !p.none()) {
                return null;
            }
            String qualifier = SettingValues.blankToNull(raw.getQualifier());
            String region = SettingValues.blankToNull(raw.getRegion());
            Target target = new Target(functionName, qualifier == null ? Target.LATEST : qualifier,
                    region == null ? pluginRegion : region, access);
            InvocationSpec spec = new InvocationSpec(target, scope, key, json, triggers, type, raw.isSensitive(),
                    dependsOn, null, clientContext, raw.isKeepResult());
            return new DesiredInvocation(raw.getId(), spec, input.text(), input.source(), timeout, outputs,
                    raw.isTriggerOnCodeChange());
        }

        /** The constant of {@code fallback}'s enum named exactly {@code value} (case matters, as in Terraform). */
        private <E extends Enum<E>> E named(String element, String value, String what, E fallback) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            E[] all = fallback.getDeclaringClass().getEnumConstants();
            for (E constant : all) {
                if (constant.name().equals(value.trim())) {
                    return constant;
                }
            }
            p.add(element, "'" + value + "' is not " + what + "; valid values: "
                    + Arrays.stream(all).map(Enum::name).collect(Collectors.joining(", ")));
            return fallback;
        }

        private String terraformKey() {
            String key = raw.getTerraformKey();
            if (key == null) {
                return Defaults.TERRAFORM_KEY;
            }
            if (key.isBlank()) {
                p.add("{{terraformKey}}", "is empty: leave it out for the default 'tf', or name a key");
                return Defaults.TERRAFORM_KEY;
            }
            return key;
        }

        private Duration timeout() {
            String text = raw.getTimeout();
            if (text == null || text.isBlank()) {
                return Defaults.CALL_TIMEOUT;
            }
            try {
                Duration timeout = Durations.parse(text);
                if (timeout.isZero() || timeout.compareTo(Defaults.MAX_CALL_TIMEOUT) > 0) {
                    p.add("{{timeout}}", "'" + text + "' must be more than 0 and at most 16m: Lambda stops a function"
                            + " after 15 minutes");
                }
                return timeout;
            } catch (IllegalArgumentException e) {
                p.add("{{timeout}}", "'" + text + "' " + e.getMessage());
                return Defaults.CALL_TIMEOUT;
            }
        }

        private Map<String, String> outputs(InvocationType type) {
            Map<String, String> outputs = new LinkedHashMap<>();
            Map<String, String> configured = raw.getOutputs() == null ? Map.of() : raw.getOutputs();
            for (Map.Entry<String, String> output : configured.entrySet()) {
                String name = output.getKey();
                String pointer = output.getValue() == null ? "" : output.getValue().trim();
                if (!ID.matcher(name).matches() || name.equals("result")) {
                    p.add("{{outputs}}", "has the name '" + name + "': output names use letters, digits, '.', '_', '-'"
                            + " and cannot be 'result' (the name of the whole result)");
                } else if (pointer.isEmpty()) {
                    // Maven binds an output element with elements inside it as no text at all
                    p.add("{{outputs}}", "<" + name + "> has no JSON pointer: write the pointer as its text, with no"
                            + " element inside it, for example <" + name + ">/tenant/id</" + name + ">");
                } else if (!pointer.startsWith("/")) {
                    p.add("{{outputs}}", "<" + name + "> '" + pointer + "' is not a JSON pointer: it starts with '/', for"
                            + " example /tenant/id");
                } else {
                    outputs.put(name, pointer);
                }
            }
            if (!outputs.isEmpty() && type == InvocationType.Event) {
                p.add("{{outputs}}", "cannot be read from an asynchronous invocation ({{invocationType=Event}}): it"
                        + " has no result");
            }
            return outputs;
        }

        private List<String> dependsOn() {
            List<String> dependsOn = new ArrayList<>();
            for (String dep : raw.getDependsOn() == null ? List.<String>of() : raw.getDependsOn()) {
                if (dep != null && !dep.isBlank() && !dependsOn.contains(dep.trim())) {
                    dependsOn.add(dep.trim());
                }
            }
            return dependsOn;
        }

        private SortedMap<String, String> triggers() {
            SortedMap<String, String> triggers = new TreeMap<>();
            for (String name : raw.getTriggersNotText()) {
                p.add("{{triggers}}", "'" + name + "' has elements nested inside it: a trigger is one text value,"
                        + " such as a version or a date");
            }
            if (raw.getTriggers() != null) {
                for (Map.Entry<String, String> trigger : raw.getTriggers().entrySet()) {
                    triggers.put(trigger.getKey(), trigger.getValue() == null ? "" : trigger.getValue());
                }
            }
            return triggers;
        }

        /** The AWS access the invocation names itself; null when it names none. */
        private Access access() {
            String profile = SettingValues.blankToNull(raw.getProfile());
            String serverId = SettingValues.blankToNull(raw.getServerId());
            String roleArn = SettingValues.blankToNull(raw.getRoleArn());
            String externalId = SettingValues.blankToNull(raw.getRoleExternalId());
            String endpoint = SettingValues.blankToNull(raw.getEndpointUrl());
            if (profile != null && serverId != null) {
                p.add("{{serverId}}", "and {{profile}} are both set: name one of them, the keys of a server or an"
                        + " AWS profile");
            }
            if (roleArn != null && !SettingValues.ROLE_ARN.matcher(roleArn).matches()) {
                p.add("{{roleArn}}", "'" + roleArn + "' is not a role ARN (arn:aws:iam::ACCOUNT-ID:role/ROLE-NAME)");
            }
            if (externalId != null && roleArn == null) {
                p.add("{{roleExternalId}}", "is set without {{roleArn}} in this invocation: the external id belongs"
                        + " to the role it names");
            }
            if (endpoint != null) {
                try {
                    endpoint = SettingValues.url("endpointUrl", endpoint).toString();
                } catch (ConfigurationException e) {
                    p.add("{{endpointUrl}}", "'" + endpoint + "' is not a usable URL: it needs http:// or https://"
                            + " and a host (for example http://127.0.0.1:4566)");
                }
            }
            return Access.of(profile, serverId, roleArn, externalId, endpoint);
        }

        /** The client context: a JSON object whose base64 text fits Lambda's limit; null when none is set. */
        private JsonValue clientContext() {
            String text = raw.getClientContext();
            if (text == null || text.isBlank()) {
                return null;
            }
            JsonValue json;
            try {
                json = Json.parse(text);
            } catch (JsonSyntaxException e) {
                p.add("{{clientContext}}", "is not valid JSON at line " + e.line() + ", column " + e.column() + ": "
                        + (raw.isSensitive() ? "(details hidden: the invocation is sensitive)" : e.problem()));
                return null;
            }
            if (!json.isObject()) {
                p.add("{{clientContext}}", "must be a JSON object (Lambda hands it to the function as its client"
                        + " context); it is a JSON " + json.typeName());
                return null;
            }
            int size = Base64.getEncoder().encodeToString(Json.writeBytes(json)).length();
            if (size > InvocationSpec.CLIENT_CONTEXT_LIMIT) {
                p.add("{{clientContext}}", "is " + size + " bytes once base64-encoded, over Lambda's limit of "
                        + InvocationSpec.CLIENT_CONTEXT_LIMIT + " bytes: send less in it, or move data to the input");
                return null;
            }
            return json;
        }

        /** The input as JSON, checked for its scope; placeholders it reads are added to {@code dependsOn}. */
        private JsonValue json(InputReader.Input input, LifecycleScope scope, String key, List<String> dependsOn) {
            JsonValue json;
            try {
                json = Json.parse(input.text());
            } catch (JsonSyntaxException e) {
                Matcher unset = UNSET_PROPERTY.matcher(input.text());
                // the parser's words may quote the input: not for a sensitive invocation
                String problem = raw.isSensitive() ? "(details hidden: the invocation is sensitive)" : e.problem();
                p.add(input.source(), "is not valid JSON at line " + e.line() + ", column " + e.column() + ": " + problem
                        + (unset.find() ? " (it still contains " + unset.group() + ": is that property set?)" : ""));
                return null;
            }
            if (scope == LifecycleScope.CRUD && !json.isObject()) {
                p.add(input.source(), "must be a JSON object with {{lifecycleScope=CRUD}}, because the"
                        + " lifecycle key '" + key + "' is added to it; it is a JSON "
                        + json.typeName());
            } else if (scope == LifecycleScope.CRUD && ((JsonObject) json).has(key)) {
                p.add(input.source(), "already has the key '" + key + "', which CRUD sets to the lifecycle event; set"
                        + " {{terraformKey}} to another name (for example '_lifecycle') so both fit");
            }
            for (Placeholders.Reference ref : Placeholders.find(json)) {
                String problem = Placeholders.pointerProblem(ref);
                if (problem != null) {
                    p.add(input.source(), problem);
                } else if (!dependsOn.contains(ref.id())) {
                    dependsOn.add(ref.id()); // reading a result means running after it
                }
            }
            return json;
        }
    }
}
