package io.github.lambdainvocation.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.model.Access;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** Where credentials come from, seen from the endpoint: the access key id each request was signed with. */
class AwsClientsTest {

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn");
        Files.writeString(dir.resolve("credentials"), """
                [default]
                aws_access_key_id = AKIADEFAULTPROFILE
                aws_secret_access_key = default-secret
                [deploy]
                aws_access_key_id = AKIADEPLOYPROFILE
                aws_secret_access_key = deploy-secret
                [account-b]
                aws_access_key_id = AKIAACCOUNTBPROFILE
                aws_secret_access_key = account-b-secret
                """);
        Files.writeString(dir.resolve("config"), """
                [profile sso-dev]
                sso_start_url = https://example.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 123456789012
                sso_role_name = Deployer
                region = us-east-1
                """);
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        System.setProperty("aws.configFile", dir.resolve("config").toString());
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.configFile");
        lambda.stop();
    }

    private AwsClients clients(AwsSettings.CredentialsSettings credentials) {
        return new AwsClients(new AwsSettings("us-east-1", URI.create(lambda.endpoint()), null, null, null,
                credentials, null), io.github.lambdainvocation.event.Listener.NONE);
    }

    private String signedWith(AwsSettings.CredentialsSettings credentials) {
        try (SdkLambdaInvoker invoker = new SdkLambdaInvoker(clients(credentials), Invokers.FAST, io.github.lambdainvocation.event.Listener.NONE,
                true)) {
            invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), "{}".getBytes(StandardCharsets.UTF_8));
        }
        String authorization = lambda.requests().get(lambda.requests().size() - 1).authorization();
        return authorization.replaceFirst("^AWS4-HMAC-SHA256 Credential=([^/]+)/.*$", "$1");
    }

    @Test
    void theDefaultChainTakesTheEnvironmentFirst() {
        assertThat(signedWith(AwsSettings.CredentialsSettings.DEFAULT_CHAIN))
                .as("AWS_ACCESS_KEY_ID of the test environment").isEqualTo("test");
    }

    @Test
    void aNamedProfileIsReadFromTheCredentialsFile() {
        assertThat(signedWith(new AwsSettings.CredentialsSettings("deploy", null, null)))
                .isEqualTo("AKIADEPLOYPROFILE");
    }

    @Test
    void keysFromASettingsServerWinOverTheChain() {
        assertThat(signedWith(new AwsSettings.CredentialsSettings("deploy", new AwsSettings.StaticKeys(
                "AKIASERVEREXAMPLE", "server-secret", null, "the settings.xml server 'aws'"), null)))
                .isEqualTo("AKIASERVEREXAMPLE");
    }

    @Test
    void aMissingProfileIsOneClearErrorNamingIt() {
        try (AwsClients clients = clients(new AwsSettings.CredentialsSettings("nope", null, null))) {
            assertThatThrownBy(clients::credentials)
                    .isInstanceOfSatisfying(LambdaInvocationException.class, e -> assertThat(e.userFixable()).isTrue())
                    .hasMessageStartingWith("No AWS credentials from the AWS profile 'nope': ")
                    .hasMessageEndingWith("Nothing was invoked.");
        }
        assertThat(lambda.requests()).isEmpty();
    }

    @Test
    void ssoProfilesWorkBecauseTheSsoModulesAreOnTheClassPath() {
        // no SSO login was cached here, so the profile fails, but for that reason, not for a missing module
        try (AwsClients clients = clients(new AwsSettings.CredentialsSettings("sso-dev", null, null))) {
            assertThatThrownBy(clients::credentials)
                    .hasMessageStartingWith("No AWS credentials from the AWS profile 'sso-dev': ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("class path")
                            .doesNotContainIgnoringCase("classpath"));
        }
    }

    @Test
    void errorsNameTheSourceButNeverTheSecret() {
        AwsSettings.CredentialsSettings role = new AwsSettings.CredentialsSettings(null,
                new AwsSettings.StaticKeys("AKIAX", "very-secret-value", null, "the settings.xml server 'aws'"),
                new AwsSettings.RoleSettings("arn:aws:iam::123456789012:role/deploy", null, "s",
                        java.time.Duration.ofHours(1)));

        assertThat(AwsClients.describe(role)).isEqualTo(
                "the settings.xml server 'aws', assuming the role arn:aws:iam::123456789012:role/deploy");
        assertThat(role.staticKeys().toString()).doesNotContain("very-secret-value").doesNotContain("AKIAX");
    }

    @Test
    void oneClientPerServiceRegionAndEndpointAndNoneBeforeItIsNeeded() {
        try (AwsClients clients = clients(AwsSettings.CredentialsSettings.DEFAULT_CHAIN)) {
            assertThat(clients.clientCount()).isZero();

            var first = clients.lambda(Region.US_EAST_1);
            assertThat(clients.lambda(Region.US_EAST_1)).isSameAs(first);
            assertThat(clients.lambda(Region.EU_WEST_1)).isNotSameAs(first);
            clients.s3(Region.US_EAST_1);

            assertThat(clients.clientKeys()).hasSize(3);
        }
    }

    @Test
    void loopbackIsRecognisedWithoutLookingAnythingUp() {
        assertThat(AwsClients.isLoopback(URI.create("http://127.0.0.1:4566"))).isTrue();
        assertThat(AwsClients.isLoopback(URI.create("http://127.1.2.3:4566"))).isTrue();
        assertThat(AwsClients.isLoopback(URI.create("http://localhost:4566"))).isTrue();
        assertThat(AwsClients.isLoopback(URI.create("http://[::1]:4566"))).isTrue();
        assertThat(AwsClients.isLoopback(URI.create("https://lambda.eu-west-1.amazonaws.com"))).isFalse();
        assertThat(AwsClients.isLoopback(null)).isFalse();
    }

    private static final AwsSettings.StaticKeys SERVER_C =
            new AwsSettings.StaticKeys("AKIASERVERCEXAMPLE", "server-c-secret", null, "the settings.xml server 'aws-c'");

    /** Clients whose plugin-level credentials are the profile 'deploy', with one settings.xml server 'aws-c'. */
    private AwsClients deployClients() {
        return new AwsClients(new AwsSettings("us-east-1", URI.create(lambda.endpoint()), null, null, null,
                new AwsSettings.CredentialsSettings("deploy", null, null), null),
                io.github.lambdainvocation.event.Listener.NONE, java.util.List.of(), id -> {
                    if (!id.equals("aws-c")) {
                        throw new io.github.lambdainvocation.ConfigurationException(
                                "<serverId> '" + id + "' names no <server> in Maven's settings.xml.");
                    }
                    return SERVER_C;
                });
    }

    private String keyOfLastRequest() {
        String authorization = lambda.requests().get(lambda.requests().size() - 1).authorization();
        return authorization.replaceFirst("^AWS4-HMAC-SHA256 Credential=([^/]+)/.*$", "$1");
    }

    @Test
    void eachInvocationsOwnAccessSignsItsCallsAndWhatItLeavesUnsetIsThePlugins() {
        Access endpointOnly = Access.of(null, null, null, null, lambda.endpoint());
        java.util.Map<Access, String> signedBy = new java.util.LinkedHashMap<>();
        try (SdkLambdaInvoker invoker = new SdkLambdaInvoker(deployClients(), Invokers.FAST,
                io.github.lambdainvocation.event.Listener.NONE, true)) {
            for (Access access : java.util.Arrays.asList(Access.of("account-b", null, null, null, null),
                    Access.of(null, "aws-c", null, null, null), endpointOnly)) {
                invoker.invoke(new Target("fn", "$LATEST", "us-east-1", access), "{}".getBytes(StandardCharsets.UTF_8));
                signedBy.put(access, keyOfLastRequest());
            }
            invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), "{}".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(signedBy.values()).containsExactly("AKIAACCOUNTBPROFILE", "AKIASERVERCEXAMPLE", "AKIADEPLOYPROFILE");
        assertThat(keyOfLastRequest()).as("an invocation naming nothing").isEqualTo("AKIADEPLOYPROFILE");
    }

    @Test
    void clientsAreSharedPerAccessAndDistinctOtherwise() {
        try (AwsClients clients = deployClients()) {
            var plugins = clients.lambda(Region.US_EAST_1);
            var accountB = clients.lambda(Region.US_EAST_1, Access.of("account-b", null, null, null, null));

            assertThat(clients.lambda(Region.US_EAST_1, Access.of("account-b", null, null, null, null)))
                    .as("a second invocation naming the same profile").isSameAs(accountB);
            assertThat(accountB).isNotSameAs(plugins);
            assertThat(clients.lambda(Region.US_EAST_1, Access.of("deploy", null, null, null, null)))
                    .as("naming the plugin's own profile is the plugin's access").isSameAs(plugins);
            assertThat(clients.lambda(Region.US_EAST_1, Access.of(null, "aws-c", null, null, null)))
                    .isNotSameAs(plugins).isNotSameAs(accountB);
            var otherEndpoint = clients.lambda(Region.US_EAST_1,
                    Access.of(null, null, null, null, "http://127.0.0.1:9"));
            assertThat(otherEndpoint).as("same credentials, another endpoint").isNotSameAs(plugins);

            assertThat(clients.credentialsCount()).as("deploy, account-b, aws-c").isEqualTo(3);
            assertThat(clients.clientCount()).isEqualTo(4);
        }
    }

    @Test
    void theCredentialsOfEveryAccessAreCheckedUpFrontNamingTheInvocationAndTheElement() {
        Target fine = new Target("fn", "$LATEST", "us-east-1", Access.of("account-b", null, null, null, null));
        Target noProfile = new Target("fn", "$LATEST", "us-east-1", Access.of("nope", null, null, null, null));
        Target noServer = new Target("fn", "$LATEST", "us-east-1", Access.of(null, "aws-x", null, null, null));
        try (SdkLambdaInvoker invoker = new SdkLambdaInvoker(deployClients(), Invokers.FAST,
                io.github.lambdainvocation.event.Listener.NONE, true)) {
            java.util.Map<Target, String> profileMissing = new java.util.LinkedHashMap<>();
            profileMissing.put(fine, "invocation 'a'");
            profileMissing.put(noProfile, "invocation 'b'");
            assertThatThrownBy(() -> invoker.prepare(profileMissing))
                    .hasMessageStartingWith("invocation 'b': <profile> 'nope': No AWS credentials from the AWS"
                            + " profile 'nope': ")
                    .hasMessageEndingWith("Nothing was invoked.");

            assertThatThrownBy(() -> invoker.prepare(java.util.Map.of(noServer, "invocation 'c'")))
                    .hasMessageStartingWith("invocation 'c': <serverId> 'aws-x' names no <server>");
        }
        assertThat(lambda.requests()).isEmpty();
    }
}
