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
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
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

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (lambda-invocation.skip is set).");
            return;
        }
        try {
            run(engine());
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

    private InvocationEngine engine() {
        URI endpoint = endpoint();
        Console console = console();
        SdkLambdaInvoker.Settings lambda =
                new SdkLambdaInvoker.Settings(endpoint, null, SdkLambdaInvoker.RetryRules.DEFAULT);
        return new InvocationEngine(
                new LocalStateStore(stateFile.toPath()),
                () -> new SdkLambdaInvoker(lambda, console),
                console,
                Clock.systemUTC(),
                outputDirectory.toPath());
    }

    private URI endpoint() {
        if (endpointUrl == null || endpointUrl.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(endpointUrl.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(endpointUrl, "needs http:// or https:// and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException("<endpointUrl> '" + endpointUrl + "' is not a usable URL: "
                    + e.getReason() + " (for example http://127.0.0.1:4566)");
        }
    }
}
