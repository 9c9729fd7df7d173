package io.github.lambdainvocation.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The levels that keep secrets out of -X are set under the property name the running Maven reads. */
class QuietSdkLogsTest {

    private Properties saved;

    @BeforeEach
    void clearLevels() {
        saved = (Properties) System.getProperties().clone();
        for (String logger : QuietSdkLogs.SECRET_PRINTING_LOGGERS) {
            System.clearProperty(QuietSdkLogs.MAVEN_3_PREFIX + logger);
            System.clearProperty(QuietSdkLogs.MAVEN_4_PREFIX + logger);
        }
    }

    @AfterEach
    void restore() {
        System.setProperties(saved);
    }

    @Test
    void maven3ReadsTheSimpleLoggerNames() {
        QuietSdkLogs.apply("org.slf4j.impl.MavenSimpleLoggerFactory");

        for (String logger : QuietSdkLogs.SECRET_PRINTING_LOGGERS) {
            assertThat(System.getProperty(QuietSdkLogs.MAVEN_3_PREFIX + logger)).as(logger).isEqualTo("info");
            assertThat(System.getProperty(QuietSdkLogs.MAVEN_4_PREFIX + logger)).as(logger).isNull();
        }
    }

    @Test
    void maven4ReadsItsOwnNamesAndWouldWarnAboutTheOldOnes() {
        QuietSdkLogs.apply("org.apache.maven.slf4j.MavenLoggerFactory");

        for (String logger : QuietSdkLogs.SECRET_PRINTING_LOGGERS) {
            assertThat(System.getProperty(QuietSdkLogs.MAVEN_4_PREFIX + logger)).as(logger).isEqualTo("info");
            assertThat(System.getProperty(QuietSdkLogs.MAVEN_3_PREFIX + logger)).as(logger).isNull();
        }
    }

    @Test
    void aLevelTheUserSetUnderEitherNameIsKept() {
        String signer = QuietSdkLogs.SECRET_PRINTING_LOGGERS.get(0);
        String wire = QuietSdkLogs.SECRET_PRINTING_LOGGERS.get(2);
        System.setProperty(QuietSdkLogs.MAVEN_3_PREFIX + signer, "debug");
        System.setProperty(QuietSdkLogs.MAVEN_4_PREFIX + wire, "trace");

        QuietSdkLogs.apply("org.apache.maven.slf4j.MavenLoggerFactory");

        assertThat(System.getProperty(QuietSdkLogs.MAVEN_3_PREFIX + signer)).isEqualTo("debug");
        assertThat(System.getProperty(QuietSdkLogs.MAVEN_4_PREFIX + signer)).isNull();
        assertThat(System.getProperty(QuietSdkLogs.MAVEN_4_PREFIX + wire)).isEqualTo("trace");
    }
}
