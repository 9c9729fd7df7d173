package io.github.lambdainvocation.mojo;

import javax.inject.Inject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import io.github.lambdainvocation.engine.InvocationEngine;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Shows what {@code invoke} would do, like {@code terraform plan}: one line per invocation (create, update,
 * replace, delete, forget or no-op, with the changed fields) and a summary. Writes the same plan to
 * {@code target/lambda-invocation/status.json}. Invokes nothing and changes no state.
 */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractLambdaInvocationMojo {

    @Inject
    public StatusMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(InvocationEngine engine) {
        engine.status(desiredInvocations());
    }
}
