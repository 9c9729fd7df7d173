package io.github.lambdainvocation.mojo;

import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.event.Progress;
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
     * The AWS region of invocations that set no {@code <region>} of their own, for example {@code eu-west-1}.
     * When neither is set, the AWS SDK's region chain decides at call time (the {@code AWS_REGION} environment
     * variable, then the AWS config profile), and the region is then not compared between runs.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.region")
    protected String region;

    /**
     * An endpoint for every AWS service the plugin calls (Lambda, S3 for the state, STS for a role), instead of
     * AWS's: for local emulators such as {@code http://127.0.0.1:4566}. The per-service endpoints
     * ({@code lambdaEndpointUrl}, {@code stateS3EndpointUrl}, {@code stsEndpointUrl}) win over it, and so does an
     * invocation's own {@code <endpointUrl>} for its calls.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.endpointUrl")
    protected String endpointUrl;

    /**
     * The Lambda endpoint to call instead of {@code endpointUrl} or AWS's, for example a local Lambda emulator.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.lambdaEndpointUrl")
    protected String lambdaEndpointUrl;

    /**
     * The STS endpoint used to assume {@code roleArn}, instead of {@code endpointUrl} or AWS's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.stsEndpointUrl")
    protected String stsEndpointUrl;

    /**
     * A named profile of the AWS config and credentials files ({@code ~/.aws/config}, {@code ~/.aws/credentials}),
     * instead of the SDK's default credentials chain. SSO and assume-role profiles work too. An invocation's own
     * {@code <profile>} or {@code <serverId>} wins over it for that invocation's calls.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.profile")
    protected String profile;

    /**
     * The id of a {@code <server>} in Maven's settings.xml whose {@code <username>} is the AWS access key id and
     * whose {@code <password>} is the secret access key, encrypted or not (see {@code mvn --encrypt-password}).
     * Wins over {@code profile} and the SDK's chain; with {@code roleArn}, these keys assume the role.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.serverId")
    protected String serverId;

    /**
     * The ARN of a role to assume with the credentials found ({@code arn:aws:iam::ACCOUNT-ID:role/ROLE-NAME});
     * every call then uses the role's credentials, refreshed before they expire. Needs STS. An invocation's own
     * {@code <roleArn>} wins over it for that invocation's calls.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.roleArn")
    protected String roleArn;

    /**
     * The external id that the trust policy of {@code roleArn} asks for, if it asks for one.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.roleExternalId")
    protected String roleExternalId;

    /**
     * The session name of the assumed role, as CloudTrail shows it. Default: {@code lambda-invocation-<user>},
     * with the name of the user running Maven.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.roleSessionName")
    protected String roleSessionName;

    /**
     * How long each set of role credentials lasts: {@code 15m} to {@code 12h}, within the role's maximum session
     * duration. Longer builds are fine: the credentials are renewed before they expire.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.roleDuration", defaultValue = "1h")
    protected String roleDuration;

    /**
     * Before the first call to a function in a run, wait until it is {@code Active} and its last update
     * {@code Successful}, so that a function deployed a moment earlier in the same pipeline is not called too
     * soon. Needs {@code lambda:GetFunction}; set it to {@code false} for endpoints that implement only Invoke.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.waitForFunction", defaultValue = "true")
    protected boolean waitForFunction;

    /**
     * How long {@code waitForFunction} waits for a function to be ready: seconds ({@code 300}), or a number with
     * {@code s}, {@code m} or {@code h}. When it passes, the build fails before anything is invoked.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.functionWaitTimeout", defaultValue = "5m")
    protected String functionWaitTimeout;

    /**
     * Print the tail of the function's log (the last 4 KB Lambda returns) after each successful call, at info
     * level. On a function error the log tail is always printed, unless the invocation is sensitive.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.printLogs", defaultValue = "false")
    protected boolean printLogs;

    /**
     * The state file: what was last sent for each invocation id, and the result. Keep one state file per set of
     * invocations: ids recorded in it but not configured are deleted (CRUD) or forgotten (CREATE_ONLY). A state
     * records the project ({@code groupId:artifactId}) that wrote it, and runs of any other project refuse it.
     * Ignored when {@code stateS3Uri} is set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.stateFile",
            defaultValue = "${project.build.directory}/lambda-invocation/state.json")
    protected File stateFile;

    /**
     * Keep the state in S3 instead of a local file: {@code s3://bucket/path/to/state.json}. Wins over
     * {@code stateFile}. Builds that change the state lock it with {@code <key>.lock}; writes are
     * compare-and-swap. The README lists the IAM permissions a build needs.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.stateS3Uri")
    protected String stateS3Uri;

    /**
     * The region of the state bucket. Default: the plugin's {@code region}, then the SDK's region chain.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.stateS3Region")
    protected String stateS3Region;

    /**
     * An S3 endpoint for the state, addressed path-style (for S3-compatible servers and emulators). Default:
     * {@code endpointUrl}, then AWS.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.stateS3EndpointUrl")
    protected String stateS3EndpointUrl;

    /**
     * A KMS key (id, ARN or {@code alias/...}) that encrypts the state and its lock with SSE-KMS. Default:
     * SSE-S3 (AES256). The credentials then need {@code kms:GenerateDataKey} and {@code kms:Decrypt} on it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.stateS3KmsKeyId")
    protected String stateS3KmsKeyId;

    /**
     * The AWS account id that must own the state bucket. It is sent with every S3 request, so a bucket of the
     * same name in another account is refused by S3 instead of read or written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.stateS3ExpectedBucketOwner")
    protected String stateS3ExpectedBucketOwner;

    /**
     * How long to wait for the S3 state lock when another build holds it: seconds, or a number with {@code s},
     * {@code m} or {@code h}. Default 0: fail at once, naming the holder. Only an S3 state has a lock that
     * outlives a build; a local state file is locked by the operating system while a build runs, so it does not
     * use this value (which is still checked: a wrong one fails the build).
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.lockTimeout", defaultValue = "0")
    protected String lockTimeout;

    /**
     * How many independent invocations may run at once (Terraform's default is 10). Invocations wait for those
     * they depend on; the state is recorded after each success. {@code 1} runs them one at a time.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.parallelism", defaultValue = "10")
    protected int parallelism;

    /**
     * Ids whose interrupted call (a build died after sending it) is to be recorded as done without sending it
     * again (comma-separated). By default an interrupted call is sent again at the start of the next run; use
     * this when you checked that the first call took effect and a second one would do harm.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.acknowledge")
    protected List<String> acknowledge = new ArrayList<>();

    /**
     * The owner ({@code groupId:artifactId}) of a state to take over, once: for a project that was renamed, whose
     * state still names its old coordinates. Every other project's state stays refused. After the first run that
     * writes the state, it names the new coordinates and this setting is no longer needed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.takeOverStateOf")
    protected String takeOverStateOf;

    /**
     * The invocations, one {@code <invocation>} element each: an id, the function, the input and how its
     * lifecycle is handled. The site's page "The invocation element" describes every element.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<Invocation> invocations = new ArrayList<>();

    /**
     * Skip this goal: nothing is read, planned, invoked or written, no AWS client is built, and no result
     * property is set (later plugins that read {@code lambda-invocation.<id>.result} see no value); the build
     * goes on. Set in one execution's configuration, it skips that execution only; on the command line,
     * {@code -Dlambda-invocation.skip} skips every goal of this plugin in the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Where {@code status.json} and the {@code results/} and {@code outputs/} directories are written.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/lambda-invocation", readonly = true, required = true)
    protected File outputDirectory;

    /**
     * The project being built (its coordinates own the state; results become its properties).
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * The Maven session (offline mode, expression evaluation).
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * This execution of the goal (its name and the plugin version, as a lock records them).
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /**
     * Maven's settings (servers and proxies).
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    /** This execution's progress lines (one daemon thread, stopped when the execution ends). */
    private Progress progress = Progress.NONE;

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
        progress = new Progress(Progress.FIRST, Progress.PERIOD);
        try (Progress ticking = progress;
                AwsClients clients = new AwsClients(awsSettings(maven), events(), List.of(), maven::serverKeys);
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
        for (Invocation invocation : configured) {
            invocation.evaluateWith(evaluator);
        }
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
        return new MavenEvents(new MavenConsole(getLog()), printLogs, progress);
    }

    /**
     * The store of the state at {@code location}: an {@code s3://} URI, or a local path (relative to the project
     * directory); null for the configured state ({@code stateS3Uri}, else {@code stateFile}).
     *
     * @param setting the setting token {@code location} came from, for messages
     */
    protected StateStore stateStore(AwsClients aws, String location, String setting) {
        // checked whichever state is used: a wrong value is a mistake to report, not a setting to ignore
        Duration lockWait = SettingValues.duration("lockTimeout", lockTimeout);
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
                lockWait, Duration.ofSeconds(2));
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
        InvocationEngine engine = new InvocationEngine(
                store,
                () -> new SdkLambdaInvoker(aws, options, events, false),
                events,
                Clock.systemUTC(),
                outputDirectory.toPath(),
                new StateOwner(projectCoordinates(), SettingValues.blankToNull(takeOverStateOf)));
        engine.renderMessagesWith(MavenText::render);
        return engine;
    }

    /** The project as a state records its owner and a lock its holder. */
    private String projectCoordinates() {
        return project.getGroupId() + ":" + project.getArtifactId();
    }

    /** This build, as a lock names it. */
    private LockInfo thisBuild() {
        return new LockInfo(null, System.getProperty("user.name") + "@" + hostName(), mojoExecution.getGoal(),
                projectCoordinates(), pluginVersion(), null);
    }

    /** The version of this plugin. */
    protected String pluginVersion() {
        return mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
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
