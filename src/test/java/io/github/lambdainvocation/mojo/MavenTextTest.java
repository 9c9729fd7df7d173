package io.github.lambdainvocation.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.LambdaInvocationException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MavenTextTest {

    private static final Path CORE = Path.of("src/main/java/io/github/lambdainvocation");

    @Test
    void tokensBecomeElementsPropertiesGoalsAndPhrases() {
        assertThat(MavenText.render("set {{terraformKey}} to another name")).isEqualTo("set <terraformKey> to another name");
        assertThat(MavenText.render("with {{lifecycleScope=CRUD}}")).isEqualTo("with <lifecycleScope>CRUD</lifecycleScope>");
        assertThat(MavenText.render("run {{-acknowledge=seed-db}}.")).isEqualTo("run -Dlambda-invocation.acknowledge=seed-db.");
        assertThat(MavenText.render("({{-region}})")).isEqualTo("(-Dlambda-invocation.region)");
        assertThat(MavenText.render("with: {{:force-unlock}}")).isEqualTo("with: mvn lambda-invocation:force-unlock");
        assertThat(MavenText.render("{{@Offline}}, run {{@online}}")).isEqualTo("Maven is offline (-o), run without -o");
        assertThat(MavenText.render("{\"a\": {\"b\": 1}} and @{seed#/id} stay")).isEqualTo("{\"a\": {\"b\": 1}} and @{seed#/id} stay");
    }

    @Test
    void aFailureIsRenderedWithItsCausesAndSuppressedOnesAndItsProblems() {
        ConfigurationException problems = new ConfigurationException(List.of("invocation 'a': {{timeout}} is bad"));
        LambdaInvocationException cause = new LambdaInvocationException("see {{-lockId=1}}", true);
        LambdaInvocationException top = new LambdaInvocationException("failed: {{functionName}}", true, cause);
        top.addSuppressed(problems);

        MavenText.renderAll(top);

        assertThat(top.getMessage()).isEqualTo("failed: <functionName>");
        assertThat(cause.getMessage()).isEqualTo("see -Dlambda-invocation.lockId=1");
        assertThat(problems.problems()).containsExactly("invocation 'a': <timeout> is bad");
        assertThat(problems.getMessage()).startsWith("invocation 'a': <timeout> is bad");
    }

    @Test
    void theCoreNamesNoPomElementNoPropertyAndNoMavenInItsMessages() throws IOException {
        Pattern mavenWords = Pattern.compile("-Dlambda-invocation|</?[a-z][A-Za-z0-9]*>|settings\\.xml|\\bMaven\\b|\\(-o\\)");
        List<String> found = new ArrayList<>();
        for (Path file : coreSources()) {
            for (String literal : literals(file)) {
                Matcher m = mavenWords.matcher(literal.replaceAll("\\{\\{(?:[^}]|}(?!}))*}}", "")); // a token's value may be <x>
                if (m.find()) {
                    found.add(CORE.relativize(file) + ": " + literal);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyTokenOfTheCoreNamesARealSetting() throws IOException {
        Set<String> settings = new HashSet<>();
        for (Class<?> type : List.of(Invocation.class, AbstractLambdaInvocationMojo.class, InvokeMojo.class,
                StatusMojo.class, DestroyMojo.class, ForceUnlockMojo.class, ImportStateMojo.class)) {
            for (Field field : type.getDeclaredFields()) {
                settings.add(field.getName());
            }
        }
        Set<String> goals = Set.of("invoke", "status", "destroy", "force-unlock", "import-state", "help");
        Pattern token = Pattern.compile("\\{\\{([-:@]?)([A-Za-z][\\w-]*)");
        List<String> unknown = new ArrayList<>();
        for (Path file : coreSources()) {
            Matcher m = token.matcher(Files.readString(file));
            while (m.find()) {
                String kind = m.group(1);
                String name = m.group(2);
                boolean known = switch (kind) {
                    case ":" -> goals.contains(name);
                    case "@" -> MavenText.PHRASES.containsKey(name);
                    default -> settings.contains(name);
                };
                if (!known) {
                    unknown.add(CORE.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    private static List<Path> coreSources() throws IOException {
        try (Stream<Path> files = Files.walk(CORE)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.startsWith(CORE.resolve("mojo")))
                    .toList();
        }
    }

    /** The string literals of a source file, outside comments. */
    private static List<String> literals(Path file) throws IOException {
        List<String> literals = new ArrayList<>();
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        for (String line : Files.readAllLines(file)) {
            if (line.strip().startsWith("*") || line.strip().startsWith("//") || line.strip().startsWith("/*")) {
                continue;
            }
            Matcher m = literal.matcher(line);
            while (m.find()) {
                literals.add(m.group());
            }
        }
        return literals;
    }
}
