package io.github.lambdainvocation.testing;

import io.github.lambdainvocation.mojo.MavenText;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * AssertJ's {@code assertThatThrownBy}, with the failure's setting tokens rendered as Maven shows them, so tests
 * read the words a user reads.
 */
public final class Rendered {

    private Rendered() {}

    public static AbstractThrowableAssert<?, ? extends Throwable> assertThatThrownBy(ThrowingCallable code) {
        Throwable thrown = Assertions.catchThrowable(code);
        if (thrown == null) {
            Assertions.fail("Expecting code to raise a throwable.");
        }
        return Assertions.assertThat(rendered(thrown));
    }

    /** {@code failure}, its causes and suppressed failures rendered as Maven shows them. */
    public static <T extends Throwable> T rendered(T failure) {
        MavenText.renderAll(failure);
        return failure;
    }
}
