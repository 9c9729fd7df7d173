package io.github.lambdainvocation.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import io.github.lambdainvocation.LambdaInvocationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * Region order: the invocation's, the plugin's, then the SDK's chain. The test JVM has no AWS_REGION, no AWS
 * config file and instance metadata off (see the POM), so each source can be switched on alone.
 */
class RegionResolverTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("aws.region");
        System.clearProperty("aws.configFile");
    }

    @Test
    void theInvocationsRegionWinsThenThePlugins() {
        System.setProperty("aws.region", "sa-east-1");
        RegionResolver resolver = new RegionResolver("eu-west-1", null);

        assertThat(resolver.resolve("us-west-2", "x")).isEqualTo(Region.US_WEST_2);
        assertThat(resolver.resolve(null, "x")).isEqualTo(Region.EU_WEST_1);
        assertThat(new RegionResolver(null, null).resolve(null, "x")).isEqualTo(Region.SA_EAST_1);
    }

    @Test
    void theChainReadsTheConfiguredProfilesRegion() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), """
                [default]
                region = eu-central-1
                [profile deploy]
                region = ap-northeast-1
                """);
        System.setProperty("aws.configFile", config.toString());

        assertThat(new RegionResolver(null, "deploy").resolve(null, "x")).isEqualTo(Region.AP_NORTHEAST_1);
        assertThat(new RegionResolver(null, null).resolve(null, "x")).isEqualTo(Region.EU_CENTRAL_1);
    }

    @Test
    void withNoRegionAnywhereTheErrorListsEverySourceTried() {
        System.setProperty("aws.configFile", dir.resolve("missing-config").toString());

        assertThatThrownBy(() -> new RegionResolver(null, "deploy").resolve(null, "invocation 'seed-db'"))
                .isInstanceOfSatisfying(LambdaInvocationException.class, e -> assertThat(e.userFixable()).isTrue())
                .hasMessage("No AWS region for invocation 'seed-db'. Tried: its <region>, the plugin's <region>"
                        + " (-Dlambda-invocation.region), the aws.region system property and the AWS_REGION"
                        + " environment variable, the region of profile 'deploy' in the AWS config file, instance"
                        + " metadata (off: AWS_EC2_METADATA_DISABLED). Set one of them.");
    }
}
