package io.github.lambdainvocation.mojo;

import java.util.List;

/**
 * Keeps secrets out of {@code mvn -X}. At debug level the AWS SDK's request signers print the canonical request,
 * whose headers include the session token, and the HTTP clients' wire and header loggers print every header
 * (and bodies, sensitive inputs included). Maven's logger reads a logger's level from the system property
 * {@code org.slf4j.simpleLogger.log.<name>} when the logger is created, that is when the SDK class that owns it is
 * first loaded: set before any SDK class is touched, these properties hold those loggers at info.
 *
 * <p>A level the user set for one of these loggers on purpose ({@code -Dorg.slf4j.simpleLogger.log.<name>=debug})
 * is left as it is.
 */
final class QuietSdkLogs {

    /** The loggers that print signed headers, credentials or payloads at debug level. */
    static final List<String> SECRET_PRINTING_LOGGERS = List.of(
            "software.amazon.awssdk.http.auth",
            "software.amazon.awssdk.auth.signer",
            "org.apache.http.wire",
            "org.apache.http.headers",
            "org.apache.hc.client5.http.wire",
            "org.apache.hc.client5.http.headers");

    private static final String PREFIX = "org.slf4j.simpleLogger.log.";

    private QuietSdkLogs() {}

    static void apply() {
        for (String logger : SECRET_PRINTING_LOGGERS) {
            if (System.getProperty(PREFIX + logger) == null) {
                System.setProperty(PREFIX + logger, "info");
            }
        }
    }
}
