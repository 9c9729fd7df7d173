package io.github.lambdainvocation.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.mojo.MavenBinding;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-input corpus: configurations, command-line lists and state files that must be refused. Each case
 * runs a goal the way a build does (the POM XML bound into the Mojo by Maven's configurator, then the Mojo's own
 * path through the validator and the engine) against a state recorded by a real run, and asserts three things:
 *
 * <ol>
 *   <li>the build fails with exactly one problem, which names its subject (the invocation id, the id of a
 *       {@code -D} list, the state file) and the POM element or property as Maven users read them;</li>
 *   <li>no request reached the Lambda endpoint (not even GetFunction);</li>
 *   <li>the state file is byte for byte as before, and no file appeared next to it.</li>
 * </ol>
 */
class MalformedInputTest {

    /** Stands for the case's state file in expected texts. */
    private static final String STATE = "{state}";

    private static LocalLambdaServer lambda;
    private static final AtomicInteger requests = new AtomicInteger();

    @TempDir
    static Path seeded;

    @BeforeAll
    static void seedAStateByARealRun() throws Exception {
        lambda = LocalLambdaServer.start().function("fn", "other").onArrival(request -> requests.incrementAndGet());
        run("invoke", Pom.seeded(), seeded, Map.of());
        assertThat(requests).as("the seeding run invoked both functions").hasValueGreaterThan(1);
        assertThat(Files.readString(stateFile(seeded))).contains("\"seed\"", "\"register\"");
    }

    @AfterAll
    static void stop() {
        lambda.stop();
    }

    /** A configuration that differs from the seeded one in one value does reach Lambda and changes the state. */
    @Test
    void theValidConfigurationTheCasesBreakIsInvokedAndRecorded(@TempDir Path project) throws Exception {
        copySeededState(project);
        Map<String, byte[]> before = filesNextToTheState(project);
        int sent = requests.get();

        run("invoke", new Pom(), project, Map.of());

        assertThat(requests.get()).isGreaterThan(sent);
        assertThat(filesNextToTheState(project).get("state.json")).isNotEqualTo(before.get("state.json"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void isRefusedBeforeAnythingIsSentAndTheStateIsLeftAsItWas(Case c, @TempDir Path project) throws Exception {
        copySeededState(project);
        c.setup().accept(project);
        Map<String, byte[]> before = filesNextToTheState(project);
        Pom pom = new Pom();
        c.pom().accept(pom);
        int sent = requests.get();

        Throwable thrown = catchThrowable(() -> run(c.goal(), pom, project, c.properties()));

        assertThat(thrown).as("the build fails").isInstanceOf(AbstractMojoExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(LambdaInvocationException.class);
        assertThat(thrown.getCause().getSuppressed()).isEmpty();
        String message = thrown.getMessage();
        if (thrown.getCause() instanceof ConfigurationException configuration) {
            assertThat(configuration.problems()).as("one problem: " + message).hasSize(1);
        }
        assertThat(message).as("one cause").doesNotContain("problems in the configuration");
        String state = stateFile(project).toString();
        assertThat(message).contains(Stream.of(c.subject(), c.element(), c.why()).filter(s -> !s.isEmpty())
                .map(s -> s.replace(STATE, state)).toList());
        assertThat(requests.get() - sent).as("requests that reached the Lambda endpoint").isZero();
        assertThat(filesNextToTheState(project)).as("the state directory")
                .containsOnlyKeys(before.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.addAll(invocationElements());
        all.addAll(inputs());
        all.addAll(placeholdersAndDependencies());
        all.addAll(xmlBinding());
        all.addAll(pluginSettings());
        all.addAll(commandLineIds());
        all.addAll(stateFiles());
        all.addAll(payloadSizes());
        return all.stream();
    }

    private static List<Case> invocationElements() {
        return List.of(
                element("an invocation without an id", p -> p.seed().remove("id"),
                        "invocation #1", "<id>", "is required"),
                element("an id with a slash", p -> p.seed().put("id", "seed/db"),
                        "invocation 'seed/db'", "<id>", "may only use letters, digits"),
                element("an id of only dots", p -> p.seed().put("id", ".."),
                        "invocation '..'", "<id>", "not only dots"),
                element("an id of 129 characters", p -> p.seed().put("id", "s".repeat(129)),
                        "invocation '" + "s".repeat(129) + "'", "<id>", "1 to 128 of them"),
                element("two invocations with one id", p -> p.register().put("id", "seed"),
                        "invocation 'seed'", "<id>", "is used by more than one invocation"),
                element("no function name", p -> p.seed().remove("functionName"),
                        "invocation 'seed'", "<functionName>", "is required"),
                seed("a lifecycle scope in lower case", "lifecycleScope", "crud", "'crud' is not a lifecycle scope"),
                seed("an unknown invocation type", "invocationType", "Async", "'Async' is not an invocation type"),
                seed("a blank terraform key from a property", "terraformKey", "${key}", "is empty").with("key", " "),
                seed("a timeout that is not a duration", "timeout", "90x", "'90x' is not a duration"),
                seed("a negative timeout", "timeout", "-5s", "'-5s' is not a duration"),
                seed("a zero timeout", "timeout", "0s", "'0s' must be more than 0 and at most 16m"),
                seed("a timeout beyond Lambda's 15 minutes", "timeout", "17m",
                        "'17m' must be more than 0 and at most 16m"),
                seed("an output named result", "outputs", "<result>/rows</result>", "cannot be 'result'"),
                seed("an output that is not a JSON pointer", "outputs", "<rows>rows</rows>",
                        "<rows> 'rows' is not a JSON pointer"),
                seed("an output with an element inside it", "outputs", "<rows><pointer>/rows</pointer></rows>",
                        "<rows> has no JSON pointer: write the pointer as its text, with no element inside it"),
                seed("an empty output", "outputs", "<rows/>",
                        "<rows> has no JSON pointer: write the pointer as its text, with no element inside it"),
                element("outputs of an asynchronous invocation",
                        p -> p.seed().put("invocationType", "Event").put("outputs", "<rows>/rows</rows>"),
                        "invocation 'seed'", "<outputs>", "cannot be read from an asynchronous invocation"));
    }

    private static List<Case> inputs() {
        return List.of(
                element("input and inputFile both", p -> p.seed().put("inputFile", "seed.json"),
                        "invocation 'seed'", "<input>", "and <inputFile> are both set"),
                element("neither input nor inputFile", p -> p.seed().remove("input"),
                        "invocation 'seed'", "<input>", "is missing"),
                inputFile("an inputFile that does not exist", "missing.json",
                        "missing.json cannot be read: no such file", dir -> {}),
                inputFile("an inputFile that is not UTF-8", "seed.json", "seed.json is not UTF-8 text",
                        dir -> Files.write(dir.resolve("seed.json"), new byte[] {'{', '"', (byte) 0xC3, '(', '"', ':',
                                '1', '}'})),
                inputFile("an inputFile that is a directory", "inputs", "inputs cannot be read",
                        dir -> Files.createDirectory(dir.resolve("inputs"))),
                seed("an input that is not JSON", "input", "{\"rows\": 2,, \"x\": 1}",
                        "is not valid JSON at line 1, column 12"),
                seed("an input cut off before its closing brace", "input", "{\"rows\": 2",
                        "is not valid JSON at line 1, column 11: Unexpected end-of-input: expected close marker for"
                                + " Object (opened at line 1, column 1)"),
                seed("an input with a duplicate key", "input", "{\"rows\": 2, \"rows\": 3}", "Duplicate field 'rows'"),
                seed("an input with text after the JSON", "input", "{\"rows\": 2} {}", "is not valid JSON"),
                seed("an input with a property nobody set", "input", "{\"rows\": ${rows}}",
                        "(it still contains ${rows}: is that property set?)"),
                seed("a CRUD input that is an array", "input", "[2]",
                        "must be a JSON object with <lifecycleScope>CRUD</lifecycleScope>"),
                seed("a CRUD input that already holds the lifecycle key", "input", "{\"rows\": 2, \"tf\": {}}",
                        "already has the key 'tf'"));
    }

    private static List<Case> placeholdersAndDependencies() {
        return List.of(
                seed("a placeholder whose pointer does not start with a slash", "input",
                        "{\"name\": \"@{register#name}\"}", "@{register#name} has a JSON pointer that is not one"),
                seed("a placeholder of an id nobody configured", "input", "{\"name\": \"@{registr#/name}\"}",
                        "'registr' is not a configured invocation id"),
                seed("a placeholder of the invocation's own result", "input", "{\"rows\": \"@{seed#/rows}\"}",
                        "its own result"),
                element("a placeholder of an asynchronous invocation's result",
                        p -> p.seed().put("input", "{\"name\": \"@{register}\"}").register()
                                .put("invocationType", "Event"),
                        "invocation 'seed'", "<input>", "'register' is invoked asynchronously"),
                seed("a dependency nobody configured", "dependsOn", "<id>registr</id>",
                        "names 'registr', which is not a configured"),
                seed("a dependency on itself", "dependsOn", "<id>seed</id>", "names the invocation itself"),
                element("two invocations that depend on each other",
                        p -> p.seed().put("dependsOn", "<id>register</id>").register()
                                .put("input", "{\"name\": \"@{seed#/rows}\"}"),
                        "seed -> register -> seed", "<dependsOn>", "depend on each other in a cycle"));
    }

    /** What only the XML shows: escaped markup in ids and inputs, elements nested where text belongs. */
    private static List<Case> xmlBinding() {
        return List.of(
                element("an id with an escaped ampersand", p -> p.seed().put("id", "seed&amp;db"),
                        "invocation 'seed&db'", "<id>", "may only use letters, digits"),
                element("an id with escaped angle brackets", p -> p.seed().put("id", "&lt;seed&gt;"),
                        "invocation '<seed>'", "<id>", "may only use letters, digits"),
                seed("an input whose escaped markup makes it invalid JSON", "input", "{\"rows\": 2 &lt; 3}",
                        "is not valid JSON at line 1, column 12: Unexpected character ('<'"),
                seed("an input in CDATA that is not JSON", "input", "<![CDATA[{\"html\": \"<b>\" \"</b>\"}]]>",
                        "is not valid JSON at line 1, column 16"),
                seed("a trigger with an element nested inside", "triggers", "<schema>7</schema><a><b>x</b></a>",
                        "'a' has elements nested inside it"),
                seed("a trigger with text and an element nested inside", "triggers",
                        "<release>2<minor>1</minor></release>", "'release' has elements nested inside it"));
    }

    private static List<Case> pluginSettings() {
        return List.of(
                setting("parallelism 0", p -> p.set("parallelism", "0"), "<parallelism>", "0 must be at least 1"),
                setting("a negative parallelism", p -> {}, "<parallelism>", "-3 must be at least 1")
                        .with("lambda-invocation.parallelism", "-3"),
                setting("a function wait timeout in words", p -> p.set("functionWaitTimeout", "5 minutes"),
                        "<functionWaitTimeout>", "'5 minutes' is not a duration"),
                setting("a lock timeout that is not a duration",
                        p -> p.set("stateS3Uri", "s3://deploy-state/app/state.json").set("lockTimeout", "soon"),
                        "<lockTimeout>", "'soon' is not a duration"),
                setting("a lock timeout that is not a duration, with a local state",
                        p -> p.set("lockTimeout", "soon"), "<lockTimeout>", "'soon' is not a duration"),
                setting("a settings.xml server that does not exist", p -> p.set("serverId", "aws-deploy"),
                        "<serverId>", "'aws-deploy' names no <server> in Maven's settings.xml"),
                setting("a role that is not a role ARN", p -> p.set("roleArn", "arn:aws:iam::123:user/deploy"),
                        "<roleArn>", "'arn:aws:iam::123:user/deploy' is not a role ARN"),
                setting("a role duration under 15 minutes",
                        p -> p.set("roleArn", "arn:aws:iam::123456789012:role/deploy").set("roleDuration", "10m"),
                        "<roleDuration>", "'10m' must be from 15m to 12h"),
                setting("an endpoint without a scheme", p -> {}, "<endpointUrl>",
                        "'127.0.0.1:4566' is not a usable URL")
                        .with("lambda-invocation.endpointUrl", "127.0.0.1:4566"),
                setting("a state location with another scheme",
                        p -> p.set("stateS3Uri", "https://deploy-state/app/state.json"),
                        "<stateS3Uri>", "is neither an s3:// URI nor a file path"),
                setting("an S3 bucket name in capitals", p -> p.set("stateS3Uri", "s3://Deploy_State/state.json"),
                        "<stateS3Uri>", "'Deploy_State' is not a valid bucket name"),
                setting("an S3 state without a key", p -> p.set("stateS3Uri", "s3://deploy-state"),
                        "<stateS3Uri>", "names no object key"),
                setting("an S3 key with an empty segment",
                        p -> p.set("stateS3Uri", "s3://deploy-state/app//state.json"),
                        "<stateS3Uri>", "has an empty path segment"));
    }

    private static List<Case> commandLineIds() {
        return List.of(
                ids("a replace id nobody configured", "invoke", "lambda-invocation.replace", "sed",
                        "[sed]", "-Dlambda-invocation.replace", "which is not configured"),
                ids("a replace list with one id misspelt", "invoke", "lambda-invocation.replace", "seed,regster",
                        "[regster]", "-Dlambda-invocation.replace", "which is not configured"),
                ids("a replace id with angle brackets, for status", "status", "lambda-invocation.replace", "<seed>",
                        "[<seed>]", "-Dlambda-invocation.replace", "which is not configured"),
                ids("an acknowledge id with no interrupted call", "invoke", "lambda-invocation.acknowledge", "seed",
                        "[seed]", "-Dlambda-invocation.acknowledge", "has no interrupted call"),
                ids("an acknowledge id nobody knows, for destroy", "destroy", "lambda-invocation.acknowledge", "x y",
                        "[x y]", "-Dlambda-invocation.acknowledge", "has no interrupted call"),
                ids("a destroy id neither configured nor recorded", "destroy", "lambda-invocation.ids", "seed,sed",
                        "[sed]", "-Dlambda-invocation.ids", "neither configured nor recorded"));
    }

    private static List<Case> stateFiles() {
        return List.of(
                state("a state that is not JSON", text("not json"), "it is not valid JSON (line 1"),
                state("a state cut off just inside an entry", dir -> {
                    String text = Files.readString(stateFile(dir));
                    int entry = text.indexOf("{", text.indexOf("\"seed\""));
                    Files.writeString(stateFile(dir), text.substring(0, entry + 1));
                }, "Unexpected end-of-input: expected close marker for Object (opened at line "),
                state("an empty state file", text(""), "it is not valid JSON (line 1, column 1: it is empty)"),
                state("a state that is a JSON array", text("[]"), "it is not a JSON object"),
                state("a state without a format version", text("{\"invocations\": {}}"),
                        "it has no integer \"formatVersion\""),
                state("a format version written as a string", text("{\"formatVersion\": \"2\", \"invocations\": {}}"),
                        "it has no integer \"formatVersion\""),
                state("format version 0", text("{\"formatVersion\": 0, \"invocations\": {}}"),
                        "its \"formatVersion\" 0 is not a known format"),
                state("a state another project owns", dir -> {
                    String text = Files.readString(stateFile(dir));
                    assertThat(text).contains("\"owner\" : \"it:binding\"");
                    Files.writeString(stateFile(dir), text.replace("\"owner\" : \"it:binding\"",
                            "\"owner\" : \"com.acme:orders\""));
                }, "belongs to com.acme:orders, and this project is"
                        + " it:binding"),
                state("a state from a newer plugin", text("{\"formatVersion\": 99, \"invocations\": {}}"),
                        "has format version 99, written by a newer lambda-invocation-maven-plugin"),
                state("an entry whose function name is a number",
                        edit("\"functionName\" : \"fn\"", "\"functionName\" : 5"),
                        "invocation 'seed' has a \"functionName\" that is not a string"),
                state("an entry with an unknown lifecycle scope", edit("\"CRUD\"", "\"SOMETIMES\""),
                        "invocation 'seed' has the unknown lifecycleScope 'SOMETIMES'"),
                state("a state whose bytes are not UTF-8", dir -> {
                    byte[] bytes = Files.readAllBytes(stateFile(dir));
                    int at = new String(bytes, StandardCharsets.US_ASCII).indexOf("acme");
                    bytes[at + 1] = (byte) 0xE9; // "acme" becomes "a\xE9me", as Latin-1 writes "a\u00e9me"
                    Files.write(stateFile(dir), bytes);
                }, "cannot be read: it is not UTF-8 text (line "),
                state("a state that is a directory", dir -> {
                    Files.delete(stateFile(dir));
                    Files.createDirectory(stateFile(dir));
                }, "cannot be read: it is a directory, not a file"),
                state("a state that is a link to itself", dir -> {
                    Files.delete(stateFile(dir));
                    Files.createSymbolicLink(stateFile(dir), stateFile(dir).getFileName());
                }, "cannot be read"),
                state("a state that is a link to a file that is gone", dir -> {
                    Files.delete(stateFile(dir));
                    Files.createSymbolicLink(stateFile(dir), Path.of("moved.json"));
                }, "cannot be read: it is a symbolic link to moved.json, which does not exist"));
    }

    private static List<Case> payloadSizes() {
        String big = "x".repeat(LocalLambdaServer.MAX_PAYLOAD);
        String justUnder = "x".repeat(LocalLambdaServer.MAX_PAYLOAD - 40);
        return List.of(
                element("a CREATE_ONLY input over 6 MB", p -> p.register().put("input", "{\"name\": \"" + big + "\"}"),
                        "invocation 'register'", "<input>", "makes the invoke payload " + (big.length() + 12)
                                + " bytes, over Lambda's limit of " + LocalLambdaServer.MAX_PAYLOAD + " bytes"),
                element("a CRUD input under 6 MB whose update payload is over",
                        p -> p.seed().put("input", "{\"rows\": \"" + justUnder + "\"}"),
                        "invocation 'seed'", "<input>", "makes the update payload"),
                inputFile("an inputFile over 6 MB", "big.json", "big.json makes the update payload",
                        dir -> Files.writeString(dir.resolve("big.json"), "{\"rows\": \"" + big + "\"}")));
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * One malformed configuration or state, and what its error must name.
     *
     * @param properties the user properties ({@code -D}) of the run
     * @param setup what is done to the project directory first (after the seeded state was copied)
     */
    record Case(String name, String goal, Consumer<Pom> pom, String subject, String element, String why,
            Map<String, String> properties, Setup setup) {

        Case(String name, String goal, Consumer<Pom> pom, String subject, String element, String why) {
            this(name, goal, pom, subject, element, why, Map.of(), dir -> {});
        }

        /** With the user property {@code -Dname=value}. */
        Case with(String property, String value) {
            Map<String, String> more = new LinkedHashMap<>(properties);
            more.put(property, value);
            return new Case(name, goal, pom, subject, element, why, more, setup);
        }

        Case setup(Setup first) {
            return new Case(name, goal, pom, subject, element, why, properties, first);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Prepares a case's project directory. */
    interface Setup {
        void accept(Path dir) throws IOException;
    }

    /** Invocation seed's {@code element} set to {@code xml}: the error names seed and that element. */
    private static Case seed(String name, String element, String xml, String why) {
        return element(name, p -> p.seed().put(element, xml), "invocation 'seed'", "<" + element + ">", why);
    }

    /** Invocation seed reads its input from {@code file}, which {@code setup} prepares (or not). */
    private static Case inputFile(String name, String file, String why, Setup setup) {
        return element(name, p -> p.seed().remove("input").put("inputFile", file), "invocation 'seed'",
                "<inputFile>", why).setup(setup);
    }

    private static Case element(String name, Consumer<Pom> pom, String subject, String element, String why) {
        return new Case(name, "invoke", pom, subject, element, why);
    }

    /** A plugin setting: it belongs to no invocation, so the value itself is what the error must name. */
    private static Case setting(String name, Consumer<Pom> pom, String element, String why) {
        return new Case(name, "invoke", pom, "", element, why);
    }

    private static Case ids(String name, String goal, String property, String value, String subject, String element,
            String why) {
        return new Case(name, goal, p -> {}, subject, element, why).with(property, value);
    }

    private static Case state(String name, Setup setup, String why) {
        return new Case(name, "invoke", p -> {}, "The state " + STATE, "", why).setup(setup);
    }

    private static Setup text(String content) {
        return dir -> Files.writeString(stateFile(dir), content);
    }

    /** Replaces the first {@code from} of the seeded state's entry 'seed' by {@code to}. */
    private static Setup edit(String from, String to) {
        return dir -> {
            String text = Files.readString(stateFile(dir));
            int entry = text.indexOf("\"seed\"");
            int at = text.indexOf(from, entry);
            assertThat(at).as(from + " in the seeded entry 'seed'").isPositive();
            Files.writeString(stateFile(dir), text.substring(0, at) + to + text.substring(at + from.length()));
        };
    }

    /**
     * The POM's {@code <configuration>}, as element texts (raw XML): the plugin's settings, and the invocations
     * {@code seed} (CRUD on fn) and {@code register} (CREATE_ONLY on other). As it stands it differs from the
     * seeded configuration in seed's input, so a run of it updates seed.
     */
    static final class Pom {
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<Element> invocations = new ArrayList<>();

        Pom() {
            settings.put("region", "us-east-1");
            settings.put("stateFile", "${basedir}/state/state.json");
            invocations.add(new Element(this).put("id", "seed").put("functionName", "fn")
                    .put("lifecycleScope", "CRUD").put("input", "{\"rows\": 2}"));
            invocations.add(new Element(this).put("id", "register").put("functionName", "other")
                    .put("input", "{\"name\": \"acme\"}"));
        }

        /** What the seeding run is configured with. */
        static Pom seeded() {
            Pom pom = new Pom();
            pom.seed().put("input", "{\"rows\": 1}");
            return pom;
        }

        Pom set(String setting, String value) {
            settings.put(setting, value);
            return this;
        }

        Element seed() {
            return invocations.get(0);
        }

        Element register() {
            return invocations.get(1);
        }

        String xml() {
            StringBuilder xml = new StringBuilder();
            settings.forEach((name, value) -> xml.append(tag(name, value)));
            xml.append("<invocations>");
            invocations.forEach(i -> xml.append(tag("invocation", i.xml())));
            return xml.append("</invocations>").toString();
        }

        private static String tag(String name, String content) {
            return "<" + name + ">" + content + "</" + name + ">\n";
        }
    }

    /** One {@code <invocation>}: its elements in order, as raw XML. */
    static final class Element {
        private final Pom pom;
        private final Map<String, String> elements = new LinkedHashMap<>();

        Element(Pom pom) {
            this.pom = pom;
        }

        Element put(String element, String xml) {
            elements.put(element, xml);
            return this;
        }

        Element remove(String element) {
            elements.remove(element);
            return this;
        }

        /** The other invocation, to go on changing it. */
        Element register() {
            return pom.register();
        }

        String xml() {
            StringBuilder xml = new StringBuilder();
            elements.forEach((name, value) -> xml.append(Pom.tag(name, value)));
            return xml.toString();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Runs {@code goal} as a build of the project at {@code dir} would, against the local Lambda endpoint. */
    private static void run(String goal, Pom pom, Path dir, Map<String, String> userProperties) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("lambda-invocation.endpointUrl", lambda.endpoint());
        properties.putAll(userProperties);
        MavenBinding.configure(goal, pom.xml(), dir, properties).execute();
    }

    private static Path stateFile(Path project) {
        return project.resolve("state/state.json");
    }

    private static void copySeededState(Path project) throws IOException {
        Files.createDirectories(stateFile(project).getParent());
        try (Stream<Path> files = Files.list(stateFile(seeded).getParent())) {
            for (Path file : files.toList()) {
                Files.copy(file, stateFile(project).resolveSibling(file.getFileName()));
            }
        }
    }

    /** Every entry of the state's directory: a file's bytes, or a link's target, or a directory's name. */
    private static Map<String, byte[]> filesNextToTheState(Path project) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(stateFile(project).getParent())) {
            for (Path entry : entries.toList()) {
                byte[] content = Files.isSymbolicLink(entry)
                        ? ("link to " + Files.readSymbolicLink(entry)).getBytes(StandardCharsets.UTF_8)
                        : Files.isRegularFile(entry) ? Files.readAllBytes(entry)
                        : ("directory").getBytes(StandardCharsets.UTF_8);
                files.put(entry.getFileName().toString(), content);
            }
        }
        return files;
    }
}
