package io.github.lambdainvocation.model;

/**
 * The code a function runs, as GetFunction reports it for a qualifier: with {@code triggerOnCodeChange}, a new
 * value replaces the invocation.
 *
 * @param sha256 the code's SHA-256 ({@code CodeSha256})
 * @param version the version the qualifier resolves to
 */
public record CodeVersion(String sha256, String version) {

    @Override
    public String toString() {
        return "version " + version + ", code " + sha256;
    }
}
