package io.github.lambdainvocation.model;

import java.util.Objects;

/**
 * Where an invocation goes: a function (name, partial or full ARN), a qualifier, a region, and the invocation's
 * own AWS access, if it names one.
 *
 * @param functionName the function as configured
 * @param qualifier the version or alias; {@value #LATEST} when not configured
 * @param region the configured region, or {@code null} for the AWS SDK's default region chain
 * @param access the credentials and endpoint the invocation names itself; null for the plugin's
 */
public record Target(String functionName, String qualifier, String region, Access access) {

    public static final String LATEST = "$LATEST";

    public Target {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(qualifier, "qualifier");
    }

    /** A target reached with the plugin's AWS access. */
    public Target(String functionName, String qualifier, String region) {
        this(functionName, qualifier, region, null);
    }

    /** {@code name:qualifier}, plus the region when one is configured and the invocation's own access. */
    public String describe() {
        return functionName + ":" + qualifier + (region == null ? "" : " in " + region)
                + (access == null ? "" : " via " + access.describe());
    }
}
