package io.github.lambdainvocation.model;

import java.util.Objects;

/**
 * Where an invocation goes: a function (name, partial or full ARN), a qualifier and a region.
 *
 * @param functionName the function as configured
 * @param qualifier the version or alias; {@value #LATEST} when not configured
 * @param region the configured region, or {@code null} for the AWS SDK's default region chain
 */
public record Target(String functionName, String qualifier, String region) {

    public static final String LATEST = "$LATEST";

    public Target {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(qualifier, "qualifier");
    }

    /** {@code name:qualifier}, plus the region when one is configured. */
    public String describe() {
        return functionName + ":" + qualifier + (region == null ? "" : " in " + region);
    }
}
