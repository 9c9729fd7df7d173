package io.github.lambdainvocation.mojo;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.config.InvocationValidator;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.component.configurator.expression.TypeAwareExpressionEvaluator;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * One {@code <invocation>} of the plugin configuration. Maven fills the fields by name; the core checks them.
 */
public class Invocation implements InvocationValidator.RawInvocation {

    /** Required. Unique, letters, digits, '.', '_' and '-': the key of this invocation in the state. */
    private String id;

    /** Required. The function's name, partial ARN or full ARN. */
    private String functionName;

    /** The JSON payload. Exactly one of {@code input} and {@code inputFile} is required. */
    private String input;

    /** A file holding the JSON payload (UTF-8); relative paths start at the project directory. */
    private File inputFile;

    /** {@code CREATE_ONLY} (default): invoke on create and replace. {@code CRUD}: also on update and delete. */
    private String lifecycleScope;

    /** The function version or alias. Default {@code $LATEST}. */
    private String qualifier;

    /** The AWS region of this invocation; default: the plugin's {@code <region>}. */
    private String region;

    /** The key CRUD adds to the input with the lifecycle event. Default {@code tf}. */
    private String terraformKey;

    /**
     * Arbitrary values; a change of any of them invokes again (a replacement). Each is one text value:
     * {@code <schema>7</schema>}.
     */
    // Kept as Maven read it: bound to a Map<String, String>, a value with an element nested inside it would arrive
    // as an empty value, indistinguishable from <name/>; here the nesting is seen and refused.
    private PlexusConfiguration triggers;

    /** Evaluates the expressions left in trigger values, as Maven evaluates every other element. */
    private ExpressionEvaluator evaluator;

    /**
     * How long to wait for the function's answer: seconds, or a number with s or m; at most 16m. Default: 15m30s
     * (Lambda's limit plus a margin). When it passes, the build fails saying the function may still be running.
     */
    private String timeout;

    /**
     * Never print this invocation's input, result, error message or log: plan, errors and status.json show a
     * SHA-256 digest instead. Its result property and file are still set.
     */
    private boolean sensitive;

    /**
     * Ids of invocations that must run before this one (and, on teardown, after it). Reading another invocation's
     * result with a placeholder ({@code @{id}} or {@code @{id#/json/pointer}} inside a JSON string of the input)
     * adds that dependency by itself.
     */
    private List<String> dependsOn = new ArrayList<>();

    /**
     * Values to pick from the result: {@code <name>/json/pointer</name>} (RFC 6901). Each becomes the project
     * property {@code lambda-invocation.<id>.<name>} and is listed in {@code outputs/<id>.json}.
     */
    private Map<String, String> outputs = new LinkedHashMap<>();

    /**
     * {@code RequestResponse} (default): wait for the function and keep its result. {@code Event}: asynchronous;
     * recorded once Lambda accepted it, with no result; a failure of the function cannot be detected.
     */
    private String invocationType;

    /**
     * Invoke again (a replacement) when the function's code changes: its code SHA-256 and the version its
     * qualifier resolves to act as triggers (one GetFunction per run).
     */
    private boolean triggerOnCodeChange;

    /**
     * {@code false}: an ephemeral result. The run that invokes it hands the result to the build as usual (the
     * {@code lambda-invocation.<id>.result} property, {@code <outputs>}, {@code results/<id>.json}), but the
     * state, {@code status.json} and every other file keep only its SHA-256 digest. A run that does not invoke
     * it has no result to hand over: no property, no outputs, and its old results file is removed. Another
     * invocation may read it with {@code @{id}} only when this one is {@code EVERY_RUN}. Default: true.
     *
     * @since 0.2.0
     */
    private boolean keepResult = true;

    /**
     * A JSON object handed to the function as its client context (Lambda's {@code ClientContext}, base64-encoded
     * on the wire; the function reads it as {@code context.clientContext}), sent with every call of this
     * invocation; a delete sends the one recorded with it. At most 3583 bytes once base64-encoded. Part of what is
     * sent: a change of it is an update under {@code CRUD} and a replacement under {@code CREATE_ONLY}.
     *
     * @since 0.2.0
     */
    private String clientContext;

    /**
     * A named AWS profile for this invocation's calls, instead of the plugin's credentials (for example a profile
     * of another account). Recorded with the invocation: changing it replaces the invocation.
     *
     * @since 0.2.0
     */
    private String profile;

    /**
     * The id of a settings.xml {@code <server>} whose username and password are the access key pair of this
     * invocation's calls (decrypted like the plugin's {@code serverId}), instead of the plugin's credentials. Not
     * together with {@code profile}. Recorded with the invocation (the id, never the keys): changing it replaces
     * the invocation.
     *
     * @since 0.2.0
     */
    private String serverId;

    /**
     * A role to assume for this invocation's calls ({@code arn:aws:iam::ACCOUNT-ID:role/ROLE-NAME}), with its own
     * {@code profile} or {@code serverId} when set, else with the plugin's credentials; instead of the plugin's
     * {@code roleArn}. Session name and duration are the plugin's. Changing it replaces the invocation.
     *
     * @since 0.2.0
     */
    private String roleArn;

    /**
     * The external id that the trust policy of this invocation's {@code roleArn} asks for.
     *
     * @since 0.2.0
     */
    private String roleExternalId;

    /**
     * The Lambda endpoint of this invocation's calls (and of the STS call that assumes its role, unless the plugin
     * sets {@code stsEndpointUrl}), instead of the plugin's. Changing it replaces the invocation.
     *
     * @since 0.2.0
     */
    private String endpointUrl;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    public void setFunctionName(String functionName) {
        this.functionName = functionName;
    }

    @Override
    public String getInput() {
        return input;
    }

    public void setInput(String input) {
        this.input = input;
    }

    @Override
    public File getInputFile() {
        return inputFile;
    }

    public void setInputFile(File inputFile) {
        this.inputFile = inputFile;
    }

    @Override
    public String getLifecycleScope() {
        return lifecycleScope;
    }

    public void setLifecycleScope(String lifecycleScope) {
        this.lifecycleScope = lifecycleScope;
    }

    @Override
    public String getQualifier() {
        return qualifier;
    }

    public void setQualifier(String qualifier) {
        this.qualifier = qualifier;
    }

    @Override
    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    @Override
    public String getTerraformKey() {
        return terraformKey;
    }

    public void setTerraformKey(String terraformKey) {
        this.terraformKey = terraformKey;
    }

    @Override
    public List<String> getDependsOn() {
        return dependsOn;
    }

    public void setDependsOn(List<String> dependsOn) {
        this.dependsOn = dependsOn;
    }

    @Override
    public Map<String, String> getOutputs() {
        return outputs;
    }

    public void setOutputs(Map<String, String> outputs) {
        this.outputs = outputs;
    }

    @Override
    public String getInvocationType() {
        return invocationType;
    }

    public void setInvocationType(String invocationType) {
        this.invocationType = invocationType;
    }

    @Override
    public boolean isTriggerOnCodeChange() {
        return triggerOnCodeChange;
    }

    @Override
    public boolean isKeepResult() {
        return keepResult;
    }

    public void setKeepResult(boolean keepResult) {
        this.keepResult = keepResult;
    }

    public void setTriggerOnCodeChange(boolean triggerOnCodeChange) {
        this.triggerOnCodeChange = triggerOnCodeChange;
    }

    @Override
    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    @Override
    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    @Override
    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    @Override
    public String getRoleExternalId() {
        return roleExternalId;
    }

    public void setRoleExternalId(String roleExternalId) {
        this.roleExternalId = roleExternalId;
    }

    @Override
    public String getEndpointUrl() {
        return endpointUrl;
    }

    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = endpointUrl;
    }

    @Override
    public String getClientContext() {
        return clientContext;
    }

    public void setClientContext(String clientContext) {
        this.clientContext = clientContext;
    }

    @Override
    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    @Override
    public boolean isSensitive() {
        return sensitive;
    }

    public void setSensitive(boolean sensitive) {
        this.sensitive = sensitive;
    }

    /** The text of each trigger, its expressions evaluated; a trigger with nested elements is left out. */
    @Override
    public Map<String, String> getTriggers() {
        Map<String, String> values = new LinkedHashMap<>();
        for (PlexusConfiguration trigger : triggerElements()) {
            if (trigger.getChildCount() == 0) {
                values.put(trigger.getName(), evaluate(trigger));
            }
        }
        return values;
    }

    @Override
    public Set<String> getTriggersNotText() {
        Set<String> nested = new TreeSet<>();
        for (PlexusConfiguration trigger : triggerElements()) {
            if (trigger.getChildCount() > 0) {
                nested.add(trigger.getName());
            }
        }
        return nested;
    }

    public void setTriggers(PlexusConfiguration triggers) {
        this.triggers = triggers;
    }

    /** Maven hands {@code <triggers>} over as written; {@code evaluator} resolves its {@code ${...}} expressions. */
    void evaluateWith(ExpressionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    private PlexusConfiguration[] triggerElements() {
        return triggers == null ? new PlexusConfiguration[0] : triggers.getChildren();
    }

    private String evaluate(PlexusConfiguration trigger) {
        String text = trigger.getValue();
        if (text == null || text.isEmpty() || evaluator == null) {
            return text;
        }
        try {
            Object value = evaluator instanceof TypeAwareExpressionEvaluator typed
                    ? typed.evaluate(text, String.class)
                    : evaluator.evaluate(text);
            return value == null ? null : value.toString();
        } catch (ExpressionEvaluationException e) {
            throw new ConfigurationException("invocation '" + id + "': {{triggers}} <" + trigger.getName() + "> '"
                    + text + "' cannot be evaluated: " + e.getMessage());
        }
    }
}
