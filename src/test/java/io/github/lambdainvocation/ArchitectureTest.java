package io.github.lambdainvocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shape ARCHITECTURE.md describes, checked on the sources: who may import whom. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/lambdainvocation");
    private static final String PREFIX = "io.github.lambdainvocation";
    private static final Pattern IMPORT = Pattern.compile("\\b" + Pattern.quote(PREFIX) + "\\.([a-z]+)\\.[A-Z]");
    private static final Pattern ANY_IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

    /** package -> the project packages it uses ("" is the root package). */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                String source = Files.readString(file);
                Matcher m = IMPORT.matcher(source);
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1));
                    }
                }
                if (Pattern.compile("^import " + Pattern.quote(PREFIX) + "\\.[A-Z]", Pattern.MULTILINE)
                        .matcher(source).find() && !pkg.isEmpty()) {
                    used.add("");
                }
            }
        }
        return uses;
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            if (reaches(uses, start, start, new TreeSet<>())) {
                cycles.add(start);
            }
        }
        assertThat(cycles).as("packages on an import cycle; imports: " + uses).isEmpty();
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(uses, next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theModelImportsNoOtherPackageOfThePluginButTheJsonValueType() throws IOException {
        Map<String, Set<String>> uses = uses();
        assertThat(uses.get("model")).as("model may use json's JsonValue, nothing else").isSubsetOf("json");
        assertThat(uses.get("json")).as("json is at the bottom").isEmpty();
    }

    @Test
    void planAndPayloadDoNoIo() throws IOException {
        List<String> io = new ArrayList<>();
        for (String pkg : List.of("plan", "payload", "model")) {
            try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
                for (Path file : files.toList()) {
                    Matcher m = ANY_IMPORT.matcher(Files.readString(file));
                    while (m.find()) {
                        String imported = m.group(1);
                        if (imported.startsWith("java.io.") || imported.startsWith("java.nio.file.")
                                || imported.startsWith("java.net.") || imported.startsWith("software.amazon.")
                                || imported.matches(Pattern.quote(PREFIX) + "\\.(state|lambda|aws|apply|engine|mojo)\\..*")) {
                            io.add(pkg + "/" + file.getFileName() + ": " + imported);
                        }
                    }
                }
            }
        }
        assertThat(io).isEmpty();
    }

    @Test
    void onlyTheMojoPackageKnowsMaven() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(MAIN.resolve("mojo"))).toList()) {
                Matcher m = ANY_IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(1).startsWith("org.apache.maven.") || m.group(1).startsWith("org.codehaus.plexus.")) {
                        found.add(MAIN.relativize(file) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
