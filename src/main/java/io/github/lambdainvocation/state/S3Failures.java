package io.github.lambdainvocation.state;

import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns S3's errors into messages that say what to fix: the bucket, the permission, the key, the region. */
final class S3Failures {

    private S3Failures() {}

    /**
     * @param operation the S3 API operation that failed (GetObject, PutObject, DeleteObject)
     * @param key the object it was about
     */
    static StateException of(S3Exception e, String operation, S3Location location, String key) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        String service = " (S3 said: " + code + ", HTTP " + e.statusCode() + ": " + message + ")";
        boolean kms = (code != null && code.startsWith("KMS."))
                || (message != null && message.toLowerCase(Locale.ROOT).contains("kms"));
        if ("NoSuchBucket".equals(code)) {
            return new StateException("The bucket '" + location.bucket() + "' of the state " + location
                    + " does not exist. Create it (versioning on is recommended) or correct the bucket in the URI."
                    + service, true, e);
        }
        if (kms) {
            return new StateException("KMS refused the key of the state " + location + ": the credentials need"
                    + " kms:GenerateDataKey (to write) and kms:Decrypt (to read) on the key"
                    + " ({{-stateS3KmsKeyId}}), and the key must be enabled." + service, true, e);
        }
        if (e.statusCode() == 403 || "AccessDenied".equals(code)) {
            String listBucket = operation.equals("GetObject")
                    ? " (and s3:ListBucket on arn:aws:s3:::" + location.bucket() + ", without which S3 answers"
                            + " 'access denied' for an object that does not exist yet)"
                    : "";
            return new StateException("Access denied: the credentials need s3:" + operation + " on "
                    + location.arn(key) + listBucket + "." + service, true, e);
        }
        if (e.statusCode() == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
            return new StateException("The bucket '" + location.bucket() + "' is in another region: set"
                    + " {{-stateS3Region}} to the bucket's region." + service, true, e);
        }
        return new StateException("S3 refused " + operation + " on " + location.arn(key) + "." + service,
                e.statusCode() >= 400 && e.statusCode() < 500, e);
    }

    static StateException unreachable(SdkClientException e, S3Location location) {
        return new StateException("S3 could not be reached for the state " + location + ": " + e.getMessage(), false, e);
    }
}
