package io.github.lambdainvocation.mojo;

import javax.inject.Inject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.engine.RunOutcome;
import io.github.lambdainvocation.engine.SavedPlan;
import io.github.lambdainvocation.model.DesiredInvocation;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Invokes each configured Lambda function when its lifecycle calls for it (create, replace and, under CRUD,
 * update and delete), compared with the state, and records what was sent. Every recorded result is written to
 * {@code target/lambda-invocation/results/<id>.json} and set as the project property
 * {@code lambda-invocation.<id>.result}; configured outputs become {@code lambda-invocation.<id>.<name>}.
 *
 * @since 0.1.0
 */
@Mojo(name = "invoke", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class InvokeMojo extends AbstractLambdaInvocationMojo {

    @Inject
    public InvokeMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /**
     * Ids to replace on this run even though nothing changed (comma-separated), like Terraform's
     * {@code -replace}: each is invoked again as if it were new (under CRUD a {@code delete}, then a
     * {@code create}). Every id must be configured.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.replace")
    protected java.util.List<String> replace = new java.util.ArrayList<>();

    /**
     * Apply exactly the plan that {@code status -Dlambda-invocation.planOut=<file>} saved to this file, or
     * nothing: the run is refused before anything is invoked when the file is not such a plan or was changed, when
     * the state changed since the plan was made, when the configuration changed (the message names the
     * invocations), or when invoke would now do anything else (a function's code changed, say). The plan's
     * replace ids are used; a different {@code replace} is refused.
     *
     * @since 0.2.0
     */
    @Parameter(property = "lambda-invocation.plan")
    protected java.io.File plan;

    @Override
    protected void run(InvocationEngine engine) {
        List<DesiredInvocation> desired = desiredInvocations();
        RunOutcome outcome = engine.invoke(desired, runOptions(replace),
                plan == null ? null : SavedPlan.read(plan.toPath(), pluginVersion()));
        for (Map.Entry<String, String> property : outcome.results().entrySet()) {
            project.getProperties().setProperty(property.getKey(), property.getValue());
        }
        if (!outcome.results().isEmpty() && getLog().isDebugEnabled()) {
            getLog().debug("Properties set: " + String.join(", ", outcome.results().keySet()));
        }
    }
}
