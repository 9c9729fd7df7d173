package io.github.lambdainvocation.config;

import io.github.lambdainvocation.model.DesiredInvocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code <invocation>} exactly as configured, before any checking. Every field may be missing or wrong;
 * {@link InvocationValidator} turns it into a {@link DesiredInvocation} or says what is wrong.
 */
public final class InvocationSettings {

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

    public static InvocationSettings withId(String id) {
        return new InvocationSettings().id(id);
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

    public java.util.List<String> dependsOn() {
        return dependsOn;
    }

    public Map<String, String> outputs() {
        return outputs;
    }

    public String invocationType() {
        return invocationType;
    }

    public boolean triggerOnCodeChange() {
        return triggerOnCodeChange;
    }

    public String timeout() {
        return timeout;
    }

    public boolean sensitive() {
        return sensitive;
    }

    public String id() {
        return id;
    }

    public String functionName() {
        return functionName;
    }

    public String input() {
        return input;
    }

    public Path inputFile() {
        return inputFile;
    }

    public String lifecycleScope() {
        return lifecycleScope;
    }

    public String qualifier() {
        return qualifier;
    }

    public String region() {
        return region;
    }

    public String terraformKey() {
        return terraformKey;
    }

    public Map<String, String> triggers() {
        return triggers;
    }
}
