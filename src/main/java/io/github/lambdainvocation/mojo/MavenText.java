package io.github.lambdainvocation.mojo;

import io.github.lambdainvocation.LambdaInvocationException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core's setting tokens in Maven's words: {@code {{timeout}}} is the POM element {@code <timeout>},
 * {@code {{lifecycleScope=CRUD}}} is {@code <lifecycleScope>CRUD</lifecycleScope>}, {@code {{-acknowledge=a}}} is
 * {@code -Dlambda-invocation.acknowledge=a}, {@code {{:force-unlock}}} is the goal on the command line and
 * {@code {{@name}}} one of a few phrases about Maven itself. Text without tokens is left as it is.
 */
public final class MavenText {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{([-:@]?)([A-Za-z][\\w-]*)(?:=((?:[^}]|}(?!}))*))?}}");

    static final Map<String, String> PHRASES = Map.of(
            "Offline", "Maven is offline (-o)",
            "offline", "Maven is offline (-o)",
            "online", "without -o",
            "Proxy", "Maven's proxy",
            "proxyCredentials", "the <username> and <password> of the active <proxy> in settings.xml");

    private MavenText() {}

    public static String render(String text) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(token(m.group(1), m.group(2), m.group(3), m.group())));
        }
        return m.appendTail(out).toString();
    }

    /** Renders the messages of {@code failure}, its causes and the failures suppressed in it. */
    public static void renderAll(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        renderAll(failure, seen);
    }

    private static void renderAll(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof LambdaInvocationException e) {
            e.renderWith(MavenText::render);
        }
        renderAll(t.getCause(), seen);
        for (Throwable suppressed : t.getSuppressed()) {
            renderAll(suppressed, seen);
        }
    }

    private static String token(String kind, String name, String value, String whole) {
        switch (kind) {
            case "-":
                return "-Dlambda-invocation." + name + (value == null ? "" : "=" + value);
            case ":":
                return "mvn lambda-invocation:" + name;
            case "@":
                return PHRASES.getOrDefault(name, whole);
            default:
                return value == null ? "<" + name + ">" : "<" + name + ">" + value + "</" + name + ">";
        }
    }
}
