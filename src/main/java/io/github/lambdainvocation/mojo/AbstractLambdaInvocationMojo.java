package io.github.lambdainvocation.mojo;

import io.github.lambdainvocation.Console;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.config.ConfigurationException;
import io.github.lambdainvocation.config.DesiredInvocation;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.state.LockInfo;
import io.github.lambdainvocation.state.S3Clients;
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
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: the configuration, the state, and the translation of core failures for Maven. */
abstract class AbstractLambdaInvocationMojo extends AbstractMojo {

    /**
     * The AWS region of invocations that set no {@code <region>} of their own. When neither is set, the AWS SDK's
     * region chain decides (the {@code AWS_REGION} environment variable, then the AWS config profile).
     */
    @Parameter(property = "lambda-invocation.region")
    protected String region;

    /**
     * A Lambda endpoint to use instead of AWS's, for local emulators such as {@code http://127.0.0.1:4566}.
     */
    @Parameter(property = "lambda-invocation.endpointUrl")
    protected String endpointUrl;

    /**
     * The state file: what was last sent for each invocation id, and the result. Keep one state file per set of
     * invocations: ids recorded in it but not configured are deleted (CRUD) or forgotten (CREATE_ONLY).
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

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (lambda-invocation.skip is set).");
            return;
        }
        try (StateStore store = stateStore(stateS3Uri != null && !stateS3Uri.isBlank() ? stateS3Uri.trim() : null)) {
            run(engine(store));
        } catch (LambdaInvocationException e) {
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
        return new InvocationValidator(region, project.getBasedir().toPath()).validate(settings());
    }

    /** The configured ids in configuration order, unchecked (destroy needs no more). */
    protected List<String> configuredIds() {
        List<String> ids = new ArrayList<>();
        for (InvocationSettings s : settings()) {
            if (s.id() != null && !s.id().isBlank()) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    protected Console console() {
        return new MavenConsole(getLog());
    }

    private List<InvocationSettings> settings() {
        List<InvocationSettings> all = new ArrayList<>();
        if (invocations == null) {
            return all;
        }
        for (Invocation i : invocations) {
            all.add(InvocationSettings.withId(i.getId())
                    .functionName(i.getFunctionName())
                    .input(i.getInput())
                    .inputFile(i.getInputFile() == null ? null : i.getInputFile().toPath())
                    .lifecycleScope(i.getLifecycleScope())
                    .qualifier(i.getQualifier())
                    .region(i.getRegion())
                    .terraformKey(i.getTerraformKey())
                    .triggers(i.getTriggers()));
        }
        return all;
    }

    /**
     * The store of the state at {@code location}: an {@code s3://} URI, or else the configured state file when
     * {@code location} is null, or else a local path (relative to the project directory).
     */
    protected StateStore stateStore(String location) {
        if (location == null) {
            return new LocalStateStore(stateFile.toPath());
        }
        if (!location.startsWith("s3://")) {
            Path path = Path.of(location);
            return new LocalStateStore(path.isAbsolute() ? path : project.getBasedir().toPath().resolve(path));
        }
        // stateS3Uri arrives untrimmed (a -D value, a properties file); location was trimmed by the caller
        S3Location s3 = S3Location.parse(location,
                location.equals(blankToNull(stateS3Uri)) ? "<stateS3Uri>" : "the S3 URI");
        S3StateStore.Settings settings = new S3StateStore.Settings(s3, blankToNull(stateS3KmsKeyId),
                blankToNull(stateS3ExpectedBucketOwner), LockTimeouts.parse(lockTimeout), Duration.ofSeconds(2));
        String bucketRegion = blankToNull(stateS3Region) != null ? stateS3Region.trim() : blankToNull(region);
        URI s3Endpoint = stateS3EndpointUrl != null && !stateS3EndpointUrl.isBlank()
                ? url(stateS3EndpointUrl, "<stateS3EndpointUrl>")
                : endpoint();
        return new S3StateStore(S3Clients.create(bucketRegion, s3Endpoint, null, List.of()), settings, thisBuild(),
                console(), Clock.systemUTC(), true);
    }

    /** This build, as a lock names it. */
    private LockInfo thisBuild() {
        String version = mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
        return new LockInfo(null, System.getProperty("user.name") + "@" + hostName(), mojoExecution.getGoal(),
                project.getGroupId() + ":" + project.getArtifactId(), version, null);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private InvocationEngine engine(StateStore store) {
        URI endpoint = endpoint();
        Console console = console();
        SdkLambdaInvoker.Settings lambda =
                new SdkLambdaInvoker.Settings(endpoint, null, SdkLambdaInvoker.RetryRules.DEFAULT);
        return new InvocationEngine(
                store,
                () -> new SdkLambdaInvoker(lambda, console),
                console,
                Clock.systemUTC(),
                outputDirectory.toPath());
    }

    private URI endpoint() {
        return endpointUrl == null || endpointUrl.isBlank() ? null : url(endpointUrl, "<endpointUrl>");
    }

    private static URI url(String value, String element) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(value, "needs http:// or https:// and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(element + " '" + value + "' is not a usable URL: "
                    + e.getReason() + " (for example http://127.0.0.1:4566)");
        }
    }
}
