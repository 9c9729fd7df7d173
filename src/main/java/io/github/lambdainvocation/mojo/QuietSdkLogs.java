package io.github.lambdainvocation.mojo;

import java.util.List;

/**
 * Keeps secrets out of {@code mvn -X}. At debug level the AWS SDK's request signers print the canonical request,
 * whose headers include the session token, and the HTTP clients' wire and header loggers print every header
 * (and bodies, sensitive inputs included). Maven's logger reads a logger's level from a system property when the
 * logger is created, that is when the SDK class that owns it is first loaded: set before any SDK class is touched,
 * these properties hold those loggers at info. Maven 3 reads {@code org.slf4j.simpleLogger.log.<name>}; Maven 4
 * reads {@code maven.logger.log.<name>} (and warns about the old name), so the name follows the running Maven.
 *
 * <p>A level the user set for one of these loggers on purpose ({@code -Dorg.slf4j.simpleLogger.log.<name>=debug}
 * or {@code -Dmaven.logger.log.<name>=debug}) is left as it is.
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

    static final String MAVEN_3_PREFIX = "org.slf4j.simpleLogger.log.";

    static final String MAVEN_4_PREFIX = "maven.logger.log.";

    private QuietSdkLogs() {}

    static void apply() {
        apply(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
    }

    /** @param loggerFactory the class name of Maven's SLF4J logger factory, which says which Maven runs */
    static void apply(String loggerFactory) {
        String prefix = loggerFactory.startsWith("org.apache.maven.slf4j.") ? MAVEN_4_PREFIX : MAVEN_3_PREFIX;
        for (String logger : SECRET_PRINTING_LOGGERS) {
            if (System.getProperty(MAVEN_3_PREFIX + logger) == null
                    && System.getProperty(MAVEN_4_PREFIX + logger) == null) {
                System.setProperty(prefix + logger, "info");
            }
        }
    }
}
