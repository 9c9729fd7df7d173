package io.github.lambdainvocation.mojo;

import io.github.lambdainvocation.config.ConfigurationException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code lockTimeout}: "0", "90" (seconds), "90s", "5m", "1h". */
final class LockTimeouts {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*([smh]?)");

    private LockTimeouts() {}

    static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "0" : text.trim());
        if (!m.matches()) {
            throw new ConfigurationException("<lockTimeout> '" + text + "' is not a duration: write seconds (90) or a"
                    + " number with s, m or h (90s, 5m, 1h)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
