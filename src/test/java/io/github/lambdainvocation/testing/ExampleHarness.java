package io.github.lambdainvocation.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Glue for the hooks that build the projects of {@code examples/} (their hooks are in {@code src/it-examples/}).
 * The examples name the plugin by its real coordinates and a literal version, so that they can be copied as they
 * are; this check keeps that version the one being built.
 */
public final class ExampleHarness {

    private static final Pattern PLUGIN_VERSION = Pattern.compile(
            "<artifactId>lambda-invocation-maven-plugin</artifactId>\\s*<version>([^<]*)</version>");

    private ExampleHarness() {}

    /**
     * Fails unless every POM of the example at {@code basedir} that gives the plugin a version gives it
     * {@code version}, and at least one does. Returns nothing: a pre-build hook must not end with another value
     * than true.
     */
    public static void checkPluginVersion(File basedir, String version) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Path root = basedir.toPath();
        try (Stream<Path> files = Files.walk(root)) {
            // the example's own POMs, not what its builds left under a target/
            for (Path pom : files.map(root::relativize).filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().startsWith("target" + File.separator)
                            && !p.toString().contains(File.separator + "target" + File.separator)).toList()) {
                Matcher m = PLUGIN_VERSION.matcher(Files.readString(root.resolve(pom), StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(m.group(1));
                    if (!m.group(1).equals(version)) {
                        wrong.add(pom + " names version " + m.group(1));
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new AssertionError("no POM of " + basedir.getName() + " gives lambda-invocation-maven-plugin a version");
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("examples/" + basedir.getName() + " must use the plugin being built, " + version
                    + ": " + String.join("; ", wrong));
        }
    }
}
