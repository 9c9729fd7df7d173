package io.github.lambdainvocation.mojo;

import javax.inject.Inject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.engine.InvocationEngine;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes the lock of an S3 state left behind by a build that died, like {@code terraform force-unlock}: only
 * when the lock's id is the one given. The lock's id is in the message of the build that found it locked, and in
 * the output of the status goal.
 *
 * @since 0.1.0
 */
@Mojo(name = "force-unlock", threadSafe = true)
public class ForceUnlockMojo extends AbstractLambdaInvocationMojo {

    @Inject
    public ForceUnlockMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    /**
     * The id of the lock to remove, as the failed build's message or the status goal shows it. Required; a
     * lock with any other id is left in place.
     *
     * @since 0.1.0
     */
    @Parameter(property = "lambda-invocation.lockId")
    protected String lockId;

    @Override
    protected void run(InvocationEngine engine) {
        if (lockId == null || lockId.isBlank()) {
            throw new ConfigurationException("force-unlock needs the id of the lock to remove:"
                    + " -Dlambda-invocation.lockId=<id> (the status goal shows it).");
        }
        engine.forceUnlock(lockId.trim());
    }
}
