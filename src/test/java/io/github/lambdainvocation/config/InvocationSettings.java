package io.github.lambdainvocation.config;

import io.github.lambdainvocation.model.DesiredInvocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A configured invocation built in code, for tests: what the Maven binding would hand the validator. */
public final class InvocationSettings implements InvocationValidator.RawInvocation {

    private String id;
    private String functionName;
    private String input;
    private Path inputFile;
    private String lifecycleScope;
    private String qualifier;
    private String region;
    private String terraformKey;
    private Map<String, String> triggers = new LinkedHashMap<>();
    private String timeout;
    private boolean sensitive;
    private java.util.List<String> dependsOn = new java.util.ArrayList<>();
    private Map<String, String> outputs = new LinkedHashMap<>();
    private String invocationType;
    private boolean triggerOnCodeChange;
    private boolean keepResult = true;
    private String clientContext;
    private final String[] access = new String[5];

    public static InvocationSettings withId(String id) {
        return new InvocationSettings().id(id);
    }

    public InvocationSettings keepResult(boolean value) {
        this.keepResult = value;
        return this;
    }

    @Override
    public boolean isKeepResult() {
        return keepResult;
    }

    public InvocationSettings id(String value) {
        this.id = value;
        return this;
    }

    public InvocationSettings functionName(String value) {
        this.functionName = value;
        return this;
    }

    public InvocationSettings input(String value) {
        this.input = value;
        return this;
    }

    public InvocationSettings inputFile(Path value) {
        this.inputFile = value;
        return this;
    }

    public InvocationSettings lifecycleScope(String value) {
        this.lifecycleScope = value;
        return this;
    }

    public InvocationSettings qualifier(String value) {
        this.qualifier = value;
        return this;
    }

    /** The invocation's own access: profile, serverId, roleArn, roleExternalId, endpointUrl (null: not set). */
    public InvocationSettings access(String profile, String serverId, String roleArn, String roleExternalId,
            String endpointUrl) {
        String[] values = {profile, serverId, roleArn, roleExternalId, endpointUrl};
        System.arraycopy(values, 0, access, 0, values.length);
        return this;
    }

    @Override
    public String getProfile() {
        return access[0];
    }

    @Override
    public String getServerId() {
        return access[1];
    }

    @Override
    public String getRoleArn() {
        return access[2];
    }

    @Override
    public String getRoleExternalId() {
        return access[3];
    }

    @Override
    public String getEndpointUrl() {
        return access[4];
    }

    public InvocationSettings clientContext(String value) {
        this.clientContext = value;
        return this;
    }

    @Override
    public String getClientContext() {
        return clientContext;
    }

    public InvocationSettings region(String value) {
        this.region = value;
        return this;
    }

    public InvocationSettings terraformKey(String value) {
        this.terraformKey = value;
        return this;
    }

    public InvocationSettings triggers(Map<String, String> value) {
        this.triggers = value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
        return this;
    }

    public InvocationSettings trigger(String key, String value) {
        this.triggers.put(key, value);
        return this;
    }

    public InvocationSettings timeout(String value) {
        this.timeout = value;
        return this;
    }

    public InvocationSettings sensitive(boolean value) {
        this.sensitive = value;
        return this;
    }

    public InvocationSettings dependsOn(java.util.List<String> value) {
        this.dependsOn = value == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(value);
        return this;
    }

    public InvocationSettings dependsOn(String... ids) {
        return dependsOn(java.util.List.of(ids));
    }

    public InvocationSettings outputs(Map<String, String> value) {
        this.outputs = value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
        return this;
    }

    public InvocationSettings output(String name, String pointer) {
        this.outputs.put(name, pointer);
        return this;
    }

    public InvocationSettings invocationType(String value) {
        this.invocationType = value;
        return this;
    }

    public InvocationSettings triggerOnCodeChange(boolean value) {
        this.triggerOnCodeChange = value;
        return this;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getInput() {
        return input;
    }

    @Override
    public java.io.File getInputFile() {
        return inputFile == null ? null : inputFile.toFile();
    }

    @Override
    public String getLifecycleScope() {
        return lifecycleScope;
    }

    @Override
    public String getQualifier() {
        return qualifier;
    }

    @Override
    public String getRegion() {
        return region;
    }

    @Override
    public String getTerraformKey() {
        return terraformKey;
    }

    @Override
    public Map<String, String> getTriggers() {
        return triggers;
    }

    @Override
    public String getTimeout() {
        return timeout;
    }

    @Override
    public boolean isSensitive() {
        return sensitive;
    }

    @Override
    public java.util.List<String> getDependsOn() {
        return dependsOn;
    }

    @Override
    public Map<String, String> getOutputs() {
        return outputs;
    }

    @Override
    public String getInvocationType() {
        return invocationType;
    }

    @Override
    public boolean isTriggerOnCodeChange() {
        return triggerOnCodeChange;
    }
}
