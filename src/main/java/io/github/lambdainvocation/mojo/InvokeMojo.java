package io.github.lambdainvocation.mojo;

import javax.inject.Inject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.engine.RunOutcome;
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

    @Override
    protected void run(InvocationEngine engine) {
        RunOutcome outcome = engine.invoke(desiredInvocations(), runOptions(replace));
        for (Map.Entry<String, String> property : outcome.results().entrySet()) {
            project.getProperties().setProperty(property.getKey(), property.getValue());
        }
        if (!outcome.results().isEmpty() && getLog().isDebugEnabled()) {
            getLog().debug("Properties set: " + String.join(", ", outcome.results().keySet()));
        }
    }
}
