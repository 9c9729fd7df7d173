package io.github.lambdainvocation.mojo;

import javax.inject.Inject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import io.github.lambdainvocation.engine.InvocationEngine;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Tears down what {@code invoke} recorded: sends the {@code delete} invocation of each CRUD entry, then forgets
 * every entry (CREATE_ONLY entries are forgotten without an invocation). Teardown runs in the reverse of the
 * configuration order. Typical in {@code post-integration-test}.
 *
 * @since 0.1.0
 */
@Mojo(name = "destroy", threadSafe = true)
public class DestroyMojo extends AbstractLambdaInvocationMojo {

    @Inject
    public DestroyMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /**
     * Destroy only these invocation ids (comma-separated), each configured or recorded; the others stay
     * recorded as they are. Default: every recorded invocation.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.ids")
    protected java.util.List<String> ids = new java.util.ArrayList<>();

    @Override
    protected void run(InvocationEngine engine) {
        engine.destroy(configuredIds(), io.github.lambdainvocation.config.SettingValues.ids(ids),
                runOptions(java.util.List.of()));
    }

}
