package io.github.lambdainvocation.mojo;

import static io.github.lambdainvocation.testing.Jsons.tree;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.aws.AwsSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.testing.RecordingConsole;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.settings.building.SettingsProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Maven side alone: the {@code <invocation>} POJO as the validator reads it, settings.xml, the log lines. */
class BindingTest {

    @TempDir
    Path basedir;

    /** An invocation with every element set, bound from POM XML by Maven's configurator. */
    private Invocation seed() throws Exception {
        return MavenBinding.invocations("""
                <invocations>
                  <invocation>
                    <id>seed</id>
                    <functionName>data_processor</functionName>
                    <inputFile>seed.json</inputFile>
                    <lifecycleScope>CRUD</lifecycleScope>
                    <qualifier>live</qualifier>
                    <region>eu-west-1</region>
                    <terraformKey>_lifecycle</terraformKey>
                    <triggers><schema>7</schema></triggers>
                    <timeout>90s</timeout>
                    <sensitive>true</sensitive>
                    <outputs><rows>/rows</rows></outputs>
                    <invocationType>RequestResponse</invocationType>
                    <triggerOnCodeChange>true</triggerOnCodeChange>
                    <keepResult>false</keepResult>
                  </invocation>
                </invocations>""", basedir).get(0);
    }

    @Test
    void aMissingInputFileOfThePojoIsNamedWithItsPathInTheProject() throws Exception {
        Invocation pojo = seed();
        pojo.setDependsOn(List.of("register"));
        Invocation register = new Invocation();
        register.setId("register");
        register.setFunctionName("tenants");
        register.setInput("{}");

        // seed.json does not exist: the file is read relative to the project, and the error names it
        assertThatThrownBy(() -> new InvocationValidator(null, basedir).validate(List.of(register, pojo)))
                .hasMessageContaining("invocation 'seed': <inputFile> " + basedir.resolve("seed.json")
                        + " cannot be read: no such file");
    }

    @Test
    void thePojoIsReadAsConfiguredWhenItsFileExists() throws Exception {
        java.nio.file.Files.writeString(basedir.resolve("seed.json"), "{\"rows\": 3}");
        Invocation pojo = seed();

        DesiredInvocation d = new InvocationValidator(null, basedir).validate(List.of(pojo)).get(0);

        assertThat(d.target()).isEqualTo(new Target("data_processor", "live", "eu-west-1"));
        assertThat(d.spec().scope()).isEqualTo(LifecycleScope.CRUD);
        assertThat(d.spec().terraformKey()).isEqualTo("_lifecycle");
        assertThat(d.spec().triggers()).containsExactlyEntriesOf(Map.of("schema", "7"));
        assertThat(d.spec().sensitive()).isTrue();
        assertThat(d.spec().invocationType()).isEqualTo(InvocationType.RequestResponse);
        assertThat(tree(d.spec().input()).get("rows").asInt()).isEqualTo(3);
        assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(d.outputs()).containsEntry("rows", "/rows");
        assertThat(d.triggerOnCodeChange()).isTrue();
        assertThat(d.spec().keepResult()).isFalse();
    }

    /** The invoke goal, bound from POM XML, with one invocation whose {@code <triggers>} hold {@code triggers}. */
    private Mojo invokeWithTriggers(String triggers, Map<String, String> userProperties) throws Exception {
        return MavenBinding.configure("invoke", """
                <invocations>
                  <invocation>
                    <id>seed</id>
                    <functionName>data_processor</functionName>
                    <input>{}</input>
                    <triggers>%s</triggers>
                  </invocation>
                </invocations>""".formatted(triggers), basedir, userProperties);
    }

    @Test
    void aTriggerWithAnElementNestedInsideIsRefusedBeforeAnythingIsSent() throws Exception {
        Mojo invoke = invokeWithTriggers("<schema>7</schema><a><b>x</b></a>", Map.of());

        assertThatThrownBy(() -> MavenBinding.desired(invoke)).isInstanceOf(ConfigurationException.class)
                .hasMessage("invocation 'seed': <triggers> 'a' has elements nested inside it: a trigger is one text"
                        + " value, such as a version or a date" + System.lineSeparator()
                        + "Nothing was invoked and the state was not changed.");
    }

    @Test
    void triggerValuesAreEvaluatedLikeEveryOtherElementAndAnEmptyOneIsEmpty() throws Exception {
        Mojo invoke = invokeWithTriggers("<release>${release}</release><dir>${project.build.directory}</dir><none/>",
                Map.of("release", "7.1"));

        DesiredInvocation d = MavenBinding.desired(invoke).get(0);

        assertThat(d.spec().triggers()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "dir", basedir.resolve("target").toString(), "none", "", "release", "7.1")));
    }

    @Test
    void theClientContextAndTheInvocationsOwnAccessBindFromThePom() throws Exception {
        Mojo invoke = MavenBinding.configure("invoke", """
                <invocations>
                  <invocation>
                    <id>billing</id>
                    <functionName>data_processor</functionName>
                    <input>{}</input>
                    <clientContext>{"custom": {"build": "${release}"}}</clientContext>
                    <profile>account-b</profile>
                    <roleArn>arn:aws:iam::123456789012:role/seeder</roleArn>
                    <roleExternalId>ext-1</roleExternalId>
                    <endpointUrl>http://127.0.0.1:4566</endpointUrl>
                  </invocation>
                  <invocation>
                    <id>orders</id>
                    <functionName>data_processor</functionName>
                    <input>{}</input>
                    <serverId>aws-orders</serverId>
                  </invocation>
                </invocations>""", basedir, Map.of("release", "7.1"));

        List<DesiredInvocation> desired = MavenBinding.desired(invoke);

        assertThat(tree(desired.get(0).spec().clientContext()).at("/custom/build").asText()).isEqualTo("7.1");
        assertThat(desired.get(0).target().access()).isEqualTo(new io.github.lambdainvocation.model.Access(
                "account-b", null, "arn:aws:iam::123456789012:role/seeder", "ext-1", "http://127.0.0.1:4566"));
        assertThat(desired.get(1).target().access())
                .isEqualTo(new io.github.lambdainvocation.model.Access(null, "aws-orders", null, null, null));
    }

    /** A decrypter that leaves values as they are, or reports one error. */
    private static SettingsDecrypter decrypter(String error) {
        return (SettingsDecryptionRequest request) -> new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return request.getServers().isEmpty() ? null : request.getServers().get(0);
            }

            @Override
            public List<Server> getServers() {
                return request.getServers();
            }

            @Override
            public Proxy getProxy() {
                return request.getProxies().isEmpty() ? null : request.getProxies().get(0);
            }

            @Override
            public List<Proxy> getProxies() {
                return request.getProxies();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                if (error == null) {
                    return List.of();
                }
                return List.of(new org.apache.maven.settings.building.DefaultSettingsProblem(error,
                        SettingsProblem.Severity.ERROR, "settings.xml", -1, -1, null));
            }
        };
    }

    @Test
    void aServerGivesItsKeysAndAMissingOrBrokenOneIsNamed() {
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("aws-deploy");
        server.setUsername("AKIDEXAMPLE");
        server.setPassword("secret");
        settings.addServer(server);

        AwsSettings.StaticKeys keys = new MavenSettings(settings, decrypter(null)).serverKeys("aws-deploy");

        assertThat(keys.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(keys.secretAccessKey()).isEqualTo("secret");
        assertThat(keys.toString()).doesNotContain("secret").contains("aws-deploy");
        assertThat(new MavenSettings(settings, decrypter(null)).serverKeys(" ")).isNull();
        assertThatThrownBy(() -> new MavenSettings(settings, decrypter(null)).serverKeys("nope"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("<serverId> 'nope' names no <server> in Maven's settings.xml.");
        assertThatThrownBy(() -> new MavenSettings(settings, decrypter("bad cipher")).serverKeys("aws-deploy"))
                .hasMessageContaining("The settings.xml <server> 'aws-deploy' could not be decrypted: bad cipher");
    }

    @Test
    void theActiveProxyIsPassedOnWithItsPattern() {
        Settings settings = new Settings();
        Proxy proxy = new Proxy();
        proxy.setId("corp");
        proxy.setActive(true);
        proxy.setHost("127.0.0.1");
        proxy.setPort(3128);
        proxy.setNonProxyHosts("localhost|*.internal");
        settings.addProxy(proxy);

        AwsSettings.ProxySettings found = new MavenSettings(settings, decrypter(null)).proxy();

        assertThat(found.protocol()).isEqualTo("http");
        assertThat(found.host()).isEqualTo("127.0.0.1");
        assertThat(found.port()).isEqualTo(3128);
        assertThat(found.nonProxyHosts()).isEqualTo("localhost|*.internal");
        assertThat(new MavenSettings(new Settings(), decrypter(null)).proxy()).isNull();
    }

    @Test
    void eventsBecomeTheLinesUsersRead() {
        RecordingConsole console = new RecordingConsole();
        MavenEvents events = new MavenEvents(console);
        Target fn = new Target("fn", "$LATEST", "eu-west-1");
        PendingCall call = new PendingCall("seed", fn, "update", "{}", InvocationType.RequestResponse,
                Instant.parse("2026-12-01T10:00:00Z"), null);

        events.on(new Event.CallDone("seed", "invoke", Duration.ofMillis(185), null, true));
        events.on(new Event.CallDone("seed", "create", Duration.ofMillis(12), "3", false));
        events.on(new Event.InterruptedCallFound(call, false, Event.Goal.STATUS));
        events.on(new Event.InterruptedCallFound(call, false, Event.Goal.INVOKE));
        events.on(new Event.LogTail("seed", "one\ntwo"));

        assertThat(console.lines()).containsExactly(
                "  seed: invoke accepted by Lambda in 185 ms",
                "  seed: create done in 12 ms, executed version 3",
                "WARN INTERRUPTED: an earlier build sent the update call of 'seed' to fn:$LATEST in eu-west-1 at"
                        + " 2026-12-01T10:00:00Z and did not record its outcome (the build was killed, or the call got"
                        + " no answer in time). The next invoke or destroy sends it again with the same payload; to"
                        + " record it as done instead, run it with -Dlambda-invocation.acknowledge=seed.",
                "WARN INTERRUPTED: an earlier build sent the update call of 'seed' to fn:$LATEST in eu-west-1 at"
                        + " 2026-12-01T10:00:00Z and did not record its outcome (the build was killed, or the call got"
                        + " no answer in time). It is sent again with the same payload now. If it must not run twice,"
                        + " stop and run with -Dlambda-invocation.acknowledge=seed to record it as done.");
        // a log tail is shown at debug level unless printLogs is set
        RecordingConsole printing = new RecordingConsole();
        new MavenEvents(printing, true).on(new Event.LogTail("seed", "one\ntwo"));
        assertThat(printing.lines()).containsExactly("  seed: log tail:" + System.lineSeparator() + "  | one"
                + System.lineSeparator() + "  | two");
    }
}
