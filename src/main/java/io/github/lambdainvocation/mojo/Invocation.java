package io.github.lambdainvocation.mojo;

import io.github.lambdainvocation.config.InvocationValidator;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Arbitrary values; a change of any of them invokes again (a replacement). */
    private Map<String, String> triggers = new LinkedHashMap<>();

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

    public void setTriggerOnCodeChange(boolean triggerOnCodeChange) {
        this.triggerOnCodeChange = triggerOnCodeChange;
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

    @Override
    public Map<String, String> getTriggers() {
        return triggers;
    }

    public void setTriggers(Map<String, String> triggers) {
        this.triggers = triggers;
    }
}
