package io.github.lambdainvocation.config;

import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.aws.AwsSettings;
import io.github.lambdainvocation.state.S3Location;
import io.github.lambdainvocation.state.StateLocation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin's settings, checked in the core next to what uses them. */
class SettingValuesTest {

    @Test
    void idsFromTheCommandLineAreTrimmedAndBlanksDropped() {
        assertThat(SettingValues.ids(List.of("a", " b", "", "a"))).containsExactly("a", "b");
        assertThat(SettingValues.ids(null)).isEmpty();
        assertThat(SettingValues.ids(Arrays.asList("x", null))).containsExactly("x");
    }

    @Test
    void urlsNeedHttpAndAHost() {
        assertThat(SettingValues.url("endpointUrl", " http://127.0.0.1:4566 ")).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(SettingValues.url("endpointUrl", " ")).isNull();
        assertThatThrownBy(() -> SettingValues.url("lambdaEndpointUrl", "127.0.0.1:4566"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("<lambdaEndpointUrl> '127.0.0.1:4566' is not a usable URL: ");
    }

    @Test
    void durationsAndCountsNameTheirSetting() {
        assertThat(SettingValues.duration("lockTimeout", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> SettingValues.duration("lockTimeout", "soon"))
                .hasMessageStartingWith("<lockTimeout> 'soon' is not a duration");
        assertThatThrownBy(() -> SettingValues.atLeastOne("parallelism", 0))
                .hasMessageStartingWith("<parallelism> 0 must be at least 1");
    }

    @Test
    void aRoleIsCheckedAndGetsADefaultSessionName() {
        assertThat(AwsSettings.RoleSettings.of(" ", null, null, "1h")).isNull();
        AwsSettings.RoleSettings role = AwsSettings.RoleSettings.of("arn:aws:iam::123456789012:role/deploy", " ",
                null, "1h");
        assertThat(role.duration()).isEqualTo(Duration.ofHours(1));
        assertThat(role.externalId()).isNull();
        assertThat(role.sessionName()).startsWith("lambda-invocation-").matches("[\\w+=,.@-]{1,64}");
        assertThatThrownBy(() -> AwsSettings.RoleSettings.of("deploy", null, null, "1h"))
                .hasMessageStartingWith("<roleArn> 'deploy' is not a role ARN");
        assertThatThrownBy(() -> AwsSettings.RoleSettings.of("arn:aws:iam::123456789012:role/deploy", null, null,
                "13h")).hasMessageStartingWith("<roleDuration> '13h' must be from 15m to 12h");
    }

    @Test
    void aStateLocationIsAnS3UriOrAFileAndNothingElse(@org.junit.jupiter.api.io.TempDir Path basedir) {
        assertThat(StateLocation.parse("s3://team-state/shop/state.json", "{{stateS3Uri}}", basedir))
                .isEqualTo(new StateLocation.S3Object(new S3Location("team-state", "shop/state.json")));
        assertThat(StateLocation.parse("old/state.json", "{{-importFrom}}", basedir))
                .isEqualTo(new StateLocation.LocalFile(basedir.resolve("old/state.json")));
        assertThatThrownBy(() -> StateLocation.parse("https://team-state/shop/state.json", "{{stateS3Uri}}", basedir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("<stateS3Uri> 'https://team-state/shop/state.json' is neither an s3:// URI"
                        + " nor a file path");
    }
}
