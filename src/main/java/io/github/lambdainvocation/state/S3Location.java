package io.github.lambdainvocation.state;

import io.github.lambdainvocation.ConfigurationException;

/**
 * Where an S3 state lives: {@code s3://bucket/path/to/state.json}.
 *
 * @param bucket the bucket name
 * @param key the object key of the state
 */
public record S3Location(String bucket, String key) {

    /** The key of the lock object beside the state. */
    public String lockKey() {
        return key + ".lock";
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }

    /** The ARN of an object of this bucket, for IAM messages. */
    public String arn(String objectKey) {
        return "arn:aws:s3:::" + bucket + "/" + objectKey;
    }

    /**
     * Parses {@code s3://bucket/key}.
     *
     * @param element the POM element or property it came from, for the message
     */
    public static S3Location parse(String uri, String element) {
        String why = null;
        String text = uri == null ? "" : uri.trim();
        if (!text.startsWith("s3://")) {
            why = "it must start with s3://";
        } else {
            String rest = text.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                why = "'" + bucket + "' is not a valid bucket name (3 to 63 lowercase letters, digits, '.' and '-')";
            } else if (key.isEmpty() || key.endsWith("/")) {
                why = "it names no object key: give the state object's full key, such as s3://" + bucket
                        + "/my-app/lambda-invocation.json";
            } else if (key.contains("//") || key.startsWith("/")) {
                why = "its key '" + key + "' has an empty path segment";
            } else {
                return new S3Location(bucket, key);
            }
        }
        throw new ConfigurationException(element + " '" + uri + "' is not a usable S3 URI: " + why
                + " (for example s3://my-bucket/path/to/state.json)");
    }
}
