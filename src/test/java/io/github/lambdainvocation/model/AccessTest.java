package io.github.lambdainvocation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTest {

    private static final Access FULL = new Access("p", "s", "arn:aws:iam::123456789012:role/r", "ext",
            "http://127.0.0.1:1");

    @Test
    void accessesNamingTheSameAreEqualWithTheSameHash() {
        Access copy = new Access("p", "s", "arn:aws:iam::123456789012:role/r", "ext", "http://127.0.0.1:1");
        assertThat(copy).isEqualTo(FULL).hasSameHashCodeAs(FULL);
        assertThat(new Access(null, null, null, null, null)).isEqualTo(new Access(null, null, null, null, null));
    }

    @Test
    void eachPartAloneMakesAnotherAccess() {
        List<Access> oneChanged = List.of(
                new Access("q", "s", "arn:aws:iam::123456789012:role/r", "ext", "http://127.0.0.1:1"),
                new Access("p", "t", "arn:aws:iam::123456789012:role/r", "ext", "http://127.0.0.1:1"),
                new Access("p", "s", "arn:aws:iam::123456789012:role/other", "ext", "http://127.0.0.1:1"),
                new Access("p", "s", "arn:aws:iam::123456789012:role/r", "other", "http://127.0.0.1:1"),
                new Access("p", "s", "arn:aws:iam::123456789012:role/r", "ext", "http://127.0.0.1:2"),
                new Access(null, "s", "arn:aws:iam::123456789012:role/r", "ext", "http://127.0.0.1:1"),
                new Access("p", "s", "arn:aws:iam::123456789012:role/r", null, "http://127.0.0.1:1"));
        for (Access other : oneChanged) {
            assertThat(other).as("%s", other).isNotEqualTo(FULL);
            assertThat(FULL).as("%s, the other way round", other).isNotEqualTo(other);
        }
        assertThat(FULL).isNotEqualTo(null).isNotEqualTo("p");
    }
}
