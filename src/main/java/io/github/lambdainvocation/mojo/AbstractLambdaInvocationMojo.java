package io.github.lambdainvocation.mojo;

import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.aws.AwsClients;
import io.github.lambdainvocation.aws.AwsSettings;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.Durations;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.config.SettingValues;
import io.github.lambdainvocation.state.StateLocation;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.engine.StateOwner;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.state.LockInfo;
import io.github.lambdainvocation.state.S3Location;
import io.github.lambdainvocation.state.S3StateStore;
import io.github.lambdainvocation.state.StateStore;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal shares: the configuration, AWS access, the state, and the translation of core failures for
 * Maven (a {@code MojoFailureException} when the user can fix the cause, a {@code MojoExecutionException}
 * otherwise). The plugin's own collaborators are built here by hand; only Maven's components are injected.
 */
abstract class AbstractLambdaInvocationMojo extends AbstractMojo {

    private final SettingsDecrypter decrypter;

    /** The AWS clients of this execution (created lazily, closed at its end). */
    protected AwsClients aws;

    /**
     * The AWS region of invocations that set no {@code <region>} of their own. When neither is set, the AWS SDK's
     * region chain decides (the {@code AWS_REGION} environment variable, then the AWS config profile).
     */
    @Parameter(property = "lambda-invocation.region")
    protected String region;

    /**
     * An endpoint for every AWS service the plugin calls, instead of AWS's, for local emulators such as
     * {@code http://127.0.0.1:4566}. Per-service endpoints win over it.
     */
    @Parameter(property = "lambda-invocation.endpointUrl")
    protected String endpointUrl;

    /** A Lambda endpoint, instead of {@code endpointUrl} or AWS's. */
    @Parameter(property = "lambda-invocation.lambdaEndpointUrl")
    protected String lambdaEndpointUrl;

    /** An STS endpoint (used to assume {@code roleArn}), instead of {@code endpointUrl} or AWS's. */
    @Parameter(property = "lambda-invocation.stsEndpointUrl")
    protected String stsEndpointUrl;

    /** A named profile of the AWS config and credentials files (SSO and assume-role profiles work too). */
    @Parameter(property = "lambda-invocation.profile")
    protected String profile;

    /**
     * The id of a {@code <server>} in Maven's settings.xml whose {@code <username>} is the AWS access key id and
     * whose {@code <password>} is the secret access key, encrypted or not (see {@code mvn --encrypt-password}).
     */
    @Parameter(property = "lambda-invocation.serverId")
    protected String serverId;

    /** A role to assume with the credentials found; its credentials are refreshed before they expire. */
    @Parameter(property = "lambda-invocation.roleArn")
    protected String roleArn;

    /** The external id the role's trust policy asks for. */
    @Parameter(property = "lambda-invocation.roleExternalId")
    protected String roleExternalId;

    /** The role session name (shown in CloudTrail); default {@code lambda-invocation-<user>}. */
    @Parameter(property = "lambda-invocation.roleSessionName")
    protected String roleSessionName;

    /** How long each set of role credentials lasts: {@code 15m} to {@code 12h}, within the role's maximum. */
    @Parameter(property = "lambda-invocation.roleDuration", defaultValue = "1h")
    protected String roleDuration;

    /**
     * Before the first call to a function, wait until it is {@code Active} and its last update
     * {@code Successful} (needs {@code lambda:GetFunction}).
     */
    @Parameter(property = "lambda-invocation.waitForFunction", defaultValue = "true")
    protected boolean waitForFunction;

    /** How long to wait for a function to be ready: seconds, or a number with s, m or h. */
    @Parameter(property = "lambda-invocation.functionWaitTimeout", defaultValue = "5m")
    protected String functionWaitTimeout;

    /** Print the log tail of each successful call at info level (it is always printed on a function error). */
    @Parameter(property = "lambda-invocation.printLogs", defaultValue = "false")
    protected boolean printLogs;

    /**
     * The state file: what was last sent for each invocation id, and the result. Keep one state file per set of
     * invocations: ids recorded in it but not configured are deleted (CRUD) or forgotten (CREATE_ONLY). A state
     * records the project ({@code groupId:artifactId}) that wrote it, and runs of any other project refuse it.
     */
    @Parameter(property = "lambda-invocation.stateFile",
            defaultValue = "${project.build.directory}/lambda-invocation/state.json")
    protected File stateFile;

    /**
     * Keep the state in S3 instead of a local file: {@code s3://bucket/path/to/state.json}. Wins over
     * {@code stateFile}. Builds that change the state lock it with {@code <key>.lock}; writes are
     * compare-and-swap. See the README for the IAM permissions.
     */
    @Parameter(property = "lambda-invocation.stateS3Uri")
    protected String stateS3Uri;

    /** The region of the state bucket; default: the plugin's {@code region}, then the SDK's region chain. */
    @Parameter(property = "lambda-invocation.stateS3Region")
    protected String stateS3Region;

    /** An S3 endpoint for the state (addressed path-style); default: {@code endpointUrl}, then AWS. */
    @Parameter(property = "lambda-invocation.stateS3EndpointUrl")
    protected String stateS3EndpointUrl;

    /** A KMS key (id, ARN or alias) to encrypt the state and lock with SSE-KMS; default: SSE-S3 (AES256). */
    @Parameter(property = "lambda-invocation.stateS3KmsKeyId")
    protected String stateS3KmsKeyId;

    /** The account id that must own the state bucket; sent with every S3 request so a wrong bucket fails. */
    @Parameter(property = "lambda-invocation.stateS3ExpectedBucketOwner")
    protected String stateS3ExpectedBucketOwner;

    /**
     * How long to wait for the S3 state lock when another build holds it: seconds, or a number with {@code s},
     * {@code m} or {@code h}. Default 0: fail at once, naming the holder.
     */
    @Parameter(property = "lambda-invocation.lockTimeout", defaultValue = "0")
    protected String lockTimeout;

    /**
     * How many independent invocations may run at once (Terraform's default is 10). Invocations wait for those
     * they depend on; the state is recorded after each success.
     */
    @Parameter(property = "lambda-invocation.parallelism", defaultValue = "10")
    protected int parallelism;

    /**
     * Ids whose interrupted call (a build died after sending it) is to be recorded as done without sending it
     * again (comma-separated). By default an interrupted call is sent again.
     */
    @Parameter(property = "lambda-invocation.acknowledge")
    protected List<String> acknowledge = new ArrayList<>();

    /**
     * The owner ({@code groupId:artifactId}) of a state to take over, once: for a project that was renamed, whose
     * state still names its old coordinates. Every other project's state stays refused.
     */
    @Parameter(property = "lambda-invocation.takeOverStateOf")
    protected String takeOverStateOf;

    /** The invocations: see the README for each element. */
    @Parameter
    protected List<Invocation> invocations = new ArrayList<>();

    /** Skips the goal. */
    @Parameter(property = "lambda-invocation.skip", defaultValue = "false")
    protected boolean skip;

    /** Where status.json and the results/ directory are written. */
    @Parameter(defaultValue = "${project.build.directory}/lambda-invocation", readonly = true, required = true)
    protected File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    protected AbstractLambdaInvocationMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (lambda-invocation.skip is set).");
            return;
        }
        QuietSdkLogs.apply();
        MavenSettings maven = new MavenSettings(settings, decrypter);
        try (AwsClients clients = new AwsClients(awsSettings(maven), events());
                StateStore store = stateStore(clients, null, null)) {
            aws = clients;
            run(engine(clients, store));
        } catch (LambdaInvocationException e) {
            MavenText.renderAll(e);
            if (e.userFixable()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The goal itself. */
    protected abstract void run(InvocationEngine engine) throws MojoExecutionException, MojoFailureException;

    /** The configured invocations, checked; fails before anything else happens when any is wrong. */
    protected List<DesiredInvocation> desiredInvocations() {
        List<Invocation> configured = invocations == null ? List.of() : invocations;
        PluginParameterExpressionEvaluator evaluator = new PluginParameterExpressionEvaluator(session, mojoExecution);
        configured.forEach(invocation -> invocation.evaluateWith(evaluator));
        return new InvocationValidator(region, project.getBasedir().toPath()).validate(configured);
    }

    /** The configured ids in configuration order, unchecked (destroy needs no more). */
    protected List<String> configuredIds() {
        return InvocationValidator.ids(invocations == null ? List.of() : invocations);
    }

    /** The options of a run that may change the state. */
    protected InvocationEngine.RunOptions runOptions(List<String> replace) {
        return new InvocationEngine.RunOptions(session.isOffline(), SettingValues.atLeastOne("parallelism", parallelism),
                SettingValues.ids(replace), SettingValues.ids(acknowledge));
    }

    /** The core's events as lines of Maven's log. */
    protected Listener events() {
        return new MavenEvents(new MavenConsole(getLog()), printLogs);
    }

    /**
     * The store of the state at {@code location}: an {@code s3://} URI, or a local path (relative to the project
     * directory); null for the configured state ({@code stateS3Uri}, else {@code stateFile}).
     *
     * @param setting the setting token {@code location} came from, for messages
     */
    protected StateStore stateStore(AwsClients aws, String location, String setting) {
        StateLocation where = location != null
                ? StateLocation.parse(location, setting, project.getBasedir().toPath())
                : SettingValues.blankToNull(stateS3Uri) != null
                        ? StateLocation.parse(stateS3Uri, "{{stateS3Uri}}", project.getBasedir().toPath())
                        : new StateLocation.LocalFile(stateFile.toPath());
        if (where instanceof StateLocation.LocalFile local) {
            return new LocalStateStore(local.file());
        }
        S3StateStore.Settings store = new S3StateStore.Settings(((StateLocation.S3Object) where).location(),
                SettingValues.blankToNull(stateS3KmsKeyId), SettingValues.blankToNull(stateS3ExpectedBucketOwner),
                SettingValues.duration("lockTimeout", lockTimeout), Duration.ofSeconds(2));
        return new S3StateStore(aws.s3(aws.regions().resolve(SettingValues.blankToNull(stateS3Region),
                "the state bucket")), store, thisBuild(), events(), Clock.systemUTC(), false);
    }

    private AwsSettings awsSettings(MavenSettings maven) {
        return new AwsSettings(
                SettingValues.blankToNull(region),
                SettingValues.url("endpointUrl", endpointUrl),
                SettingValues.url("lambdaEndpointUrl", lambdaEndpointUrl),
                SettingValues.url("stateS3EndpointUrl", stateS3EndpointUrl),
                SettingValues.url("stsEndpointUrl", stsEndpointUrl),
                new AwsSettings.CredentialsSettings(SettingValues.blankToNull(profile),
                        maven.serverKeys(serverId),
                        AwsSettings.RoleSettings.of(roleArn, roleExternalId, roleSessionName, roleDuration)),
                maven.proxy());
    }

    private InvocationEngine engine(AwsClients aws, StateStore store) {
        Listener events = events();
        SdkLambdaInvoker.Options options = new SdkLambdaInvoker.Options(SdkLambdaInvoker.RetryRules.DEFAULT,
                waitForFunction, SettingValues.duration("functionWaitTimeout", functionWaitTimeout), Duration.ofSeconds(2));
        return new InvocationEngine(
                store,
                () -> new SdkLambdaInvoker(aws, options, events, false),
                events,
                Clock.systemUTC(),
                outputDirectory.toPath(),
                new StateOwner(projectCoordinates(), SettingValues.blankToNull(takeOverStateOf)));
    }

    /** The project as a state records its owner and a lock its holder. */
    private String projectCoordinates() {
        return project.getGroupId() + ":" + project.getArtifactId();
    }

    /** This build, as a lock names it. */
    private LockInfo thisBuild() {
        String version = mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
        return new LockInfo(null, System.getProperty("user.name") + "@" + hostName(), mojoExecution.getGoal(),
                projectCoordinates(), version, null);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

}
