package io.github.lambdainvocation.mojo;

import javax.inject.Inject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.state.StateStore;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Copies a state from another location into the configured one ({@code stateS3Uri}, else {@code stateFile}),
 * once: the way to move between a local state file and S3 without losing anything. Refuses when a state already
 * exists at the configured location; the source is left as it was.
 *
 * @since 0.1.0
 */
@Mojo(name = "import-state", threadSafe = true)
public class ImportStateMojo extends AbstractLambdaInvocationMojo {

    @Inject
    public ImportStateMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /**
     * Where to copy the state from: a file path (relative to the project directory) or
     * {@code s3://bucket/key}. Required. The S3 settings of the plugin ({@code stateS3Region},
     * {@code stateS3EndpointUrl}) apply to an S3 source too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.importFrom")
    protected String importFrom;

    @Override
    protected void run(InvocationEngine engine) {
        if (importFrom == null || importFrom.isBlank()) {
            throw new ConfigurationException("import-state needs the state to copy:"
                    + " -Dlambda-invocation.importFrom=<path or s3://bucket/key>.");
        }
        try (StateStore source = stateStore(aws, importFrom.trim(), "{{-importFrom}}")) {
            engine.importState(source);
        }
    }
}
