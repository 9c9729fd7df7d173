package io.github.lambdainvocation.config;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.model.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Values of plugin settings as users write them, checked; a wrong one fails naming the setting. */
public final class SettingValues {

    /** An IAM role's ARN: {@code arn:aws:iam::ACCOUNT-ID:role/ROLE-NAME} (any partition). */
    public static final java.util.regex.Pattern ROLE_ARN =
            java.util.regex.Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

    private SettingValues() {}

    /** A blank value is no value. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A duration such as {@code 90}, {@code 90s}, {@code 5m}; {@code setting} names it in the error. */
    public static Duration duration(String setting, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("{{" + setting + "}} '" + text + "' " + e.getMessage());
        }
    }

    /** An http(s) URL with a host, or null when blank. */
    public static URI url(String setting, String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(text, "needs http:// or https:// and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException("{{" + setting + "}} '" + value + "' is not a usable URL: "
                    + e.getReason() + " (for example http://127.0.0.1:4566)");
        }
    }

    /** Ids as a set, in the given order: trimmed, blanks dropped (null is none). */
    public static Set<String> ids(Collection<String> ids) {
        Set<String> set = new LinkedHashSet<>();
        if (ids != null) {
            for (String id : ids) {
                if (id != null && !id.isBlank()) {
                    set.add(id.trim());
                }
            }
        }
        return set;
    }

    /** A count that must be at least 1. */
    public static int atLeastOne(String setting, int value) {
        if (value < 1) {
            throw new ConfigurationException("{{" + setting + "}} " + value + " must be at least 1");
        }
        return value;
    }
}
