package io.github.lambdainvocation.mojo;

import javax.inject.Inject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.engine.RunOutcome;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Invokes each configured Lambda function when its lifecycle calls for it (create, replace and, under CRUD,
 * update and delete), compared with the state, and records what was sent. Every recorded result is written to
 * {@code target/lambda-invocation/results/<id>.json} and set as the project property
 * {@code lambda-invocation.<id>.result}.
 */
@Mojo(name = "invoke", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class InvokeMojo extends AbstractLambdaInvocationMojo {

    @Inject
    public InvokeMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(InvocationEngine engine) {
        RunOutcome outcome = engine.invoke(desiredInvocations(), session.isOffline());
        for (Map.Entry<String, String> result : outcome.results().entrySet()) {
            project.getProperties().setProperty("lambda-invocation." + result.getKey() + ".result", result.getValue());
        }
        if (!outcome.results().isEmpty() && getLog().isDebugEnabled()) {
            getLog().debug("Results set as properties lambda-invocation.<id>.result for: "
                    + String.join(", ", outcome.results().keySet()));
        }
    }
}
