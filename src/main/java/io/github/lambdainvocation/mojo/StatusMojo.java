package io.github.lambdainvocation.mojo;

import javax.inject.Inject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import io.github.lambdainvocation.engine.InvocationEngine;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what {@code invoke} would do, like {@code terraform plan}: one line per invocation (create, update,
 * replace, delete, forget or no-op, with the changed fields) and a summary. Writes the same plan to
 * {@code target/lambda-invocation/status.json}. Invokes nothing and changes no state.
 *
 * @since 0.1.0
 */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractLambdaInvocationMojo {

    @Inject
    public StatusMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /**
     * Also send each planned call as a DryRun, which checks that the function exists and that the credentials
     * may invoke it, without running it. Needs credentials and a region for each planned call; the state
     * still does not change.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.verify", defaultValue = "false")
    protected boolean verify;

    /**
     * Show the plan as if these ids were to be replaced (comma-separated), as {@code invoke} with the same
     * {@code replace} would do it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.replace")
    protected java.util.List<String> replace = new java.util.ArrayList<>();

    /**
     * Also save the plan to this file, for {@code invoke -Dlambda-invocation.plan=<file>} to apply exactly that
     * plan later (an approval gate between plan and apply, like {@code terraform plan -out}). The file holds each
     * planned call's exact payload (only a SHA-256 digest of it for a sensitive invocation), the replace ids, the
     * version of the state and a digest of the configuration, and a checksum of its own content. It is written
     * readable by its owner only, because payloads can hold data.
     *
     * @since 0.2.0
     */
    @Parameter(property = "lambda-invocation.planOut")
    protected java.io.File planOut;

    @Override
    protected void run(InvocationEngine engine) {
        engine.status(desiredInvocations(), verify, io.github.lambdainvocation.config.SettingValues.ids(replace),
                planOut == null ? null : planOut.toPath(), pluginVersion());
    }
}
