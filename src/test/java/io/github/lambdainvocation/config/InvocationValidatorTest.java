package io.github.lambdainvocation.config;

import static io.github.lambdainvocation.testing.Jsons.tree;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.mojo.MavenText;
import io.github.lambdainvocation.testing.Rendered;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.Target;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvocationValidatorTest {

    @TempDir
    Path basedir;

    private List<DesiredInvocation> validate(InvocationSettings... settings) {
        return new InvocationValidator("eu-west-1", basedir).validate(List.of(settings));
    }

    private static InvocationSettings valid(String id) {
        return InvocationSettings.withId(id).functionName("data_processor").input("{\"operation\":\"initialize\"}");
    }

    private List<String> problemsOf(InvocationSettings... settings) {
        try {
            validate(settings);
        } catch (ConfigurationException e) {
            return Rendered.rendered(e).problems();
        }
        throw new AssertionError("expected the configuration to be refused");
    }

    @Test
    void appliesTheDefaults() {
        DesiredInvocation d = validate(valid("seed-db")).get(0);

        assertThat(d.id()).isEqualTo("seed-db");
        assertThat(d.target()).isEqualTo(new Target("data_processor", "$LATEST", "eu-west-1"));
        assertThat(d.spec().scope()).isEqualTo(LifecycleScope.CREATE_ONLY);
        assertThat(d.spec().terraformKey()).isEqualTo("tf");
        assertThat(d.spec().triggers()).isEmpty();
        assertThat(d.spec().keepResult()).isTrue();
        assertThat(d.inputText()).isEqualTo("{\"operation\":\"initialize\"}");
        assertThat(tree(d.spec().input()).get("operation").asText()).isEqualTo("initialize");
        assertThat(MavenText.render(d.inputSource())).isEqualTo("<input>");
    }

    @Test
    void invocationSettingsWinOverThePluginRegion() {
        DesiredInvocation d = validate(valid("a").region("us-east-1").qualifier("live").lifecycleScope("CRUD")
                .terraformKey("_lifecycle").trigger("version", "1.2").trigger("empty", null)).get(0);

        assertThat(d.target()).isEqualTo(new Target("data_processor", "live", "us-east-1"));
        assertThat(d.spec().scope()).isEqualTo(LifecycleScope.CRUD);
        assertThat(d.spec().terraformKey()).isEqualTo("_lifecycle");
        assertThat(d.spec().triggers()).containsEntry("version", "1.2").containsEntry("empty", "");
    }

    @Test
    void withoutAnyRegionTheSdkChainDecides() {
        List<DesiredInvocation> all = new InvocationValidator(null, basedir).validate(List.of(valid("a")));

        assertThat(all.get(0).target().region()).isNull();
    }

    @Test
    void invalidJsonNamesTheIdTheElementAndWhere() {
        assertThat(problemsOf(valid("seed-db").input("{\n  \"a\": 1,\n  \"b\" 2\n}")))
                .singleElement().asString()
                .startsWith("invocation 'seed-db': <input> is not valid JSON at line 3, column 7: ")
                .contains("Unexpected character");
    }

    @Test
    void aMavenPropertyThatWasNeverSetIsPointedOut() {
        assertThat(problemsOf(valid("second").input("{\"from\": ${lambda-invocation.first.result}}")))
                .singleElement().asString()
                .startsWith("invocation 'second': <input> is not valid JSON at line 1, column 10: ")
                .endsWith("(it still contains ${lambda-invocation.first.result}: is that property set?)");
        // a "${" inside a valid JSON string is data, not a problem
        assertThat(validate(valid("ok").input("{\"template\": \"${name}\"}"))).hasSize(1);
    }

    @Test
    void aSensitiveInputsJsonErrorDoesNotQuoteIt() {
        assertThat(problemsOf(valid("secret").sensitive(true).input("{\"pw\": hunter2}")))
                .singleElement().asString()
                .isEqualTo("invocation 'secret': <input> is not valid JSON at line 1, column 8: (details hidden: the"
                        + " invocation is sensitive)");
        assertThat(problemsOf(valid("plain").input("{\"pw\": hunter2}"))).singleElement().asString()
                .contains("hunter2");
    }

    @Test
    void timeoutsAreParsedAndBounded() {
        assertThat(validate(valid("a").timeout("90s")).get(0).timeout()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(validate(valid("b")).get(0).timeout())
                .isEqualTo(io.github.lambdainvocation.model.Defaults.CALL_TIMEOUT);
        assertThat(problemsOf(valid("c").timeout("20m"))).singleElement().asString()
                .isEqualTo("invocation 'c': <timeout> '20m' must be more than 0 and at most 16m: Lambda stops a"
                        + " function after 15 minutes");
        assertThat(problemsOf(valid("d").timeout("soon"))).singleElement().asString()
                .startsWith("invocation 'd': <timeout> 'soon' is not a duration");
    }

    @Test
    void dependenciesMustNameConfiguredIdsWithoutCycles() {
        assertThat(problemsOf(valid("a").dependsOn("b", "ghost"), valid("b"))).singleElement().asString()
                .isEqualTo("invocation 'a': <dependsOn> names 'ghost', which is not a configured invocation id;"
                        + " configured: [a, b]");
        assertThat(problemsOf(valid("a").dependsOn("a"))).singleElement().asString()
                .isEqualTo("invocation 'a': <dependsOn> names the invocation itself");
        assertThat(problemsOf(valid("a").dependsOn("b"), valid("b").dependsOn("c"), valid("c").dependsOn("a")))
                .singleElement().asString()
                .isEqualTo("invocations depend on each other in a cycle: a -> b -> c -> a (through <dependsOn> or"
                        + " the placeholders of their inputs)");
    }

    @Test
    void readingAResultAddsTheDependencyAndMustNameAnInvocationWithOne() {
        List<DesiredInvocation> ok = validate(valid("tenant"),
                valid("seed").input("{\"tenant\": \"@{tenant#/id}\"}").dependsOn("other"), valid("other"));
        assertThat(ok.get(1).spec().dependsOn()).containsExactly("other", "tenant");

        assertThat(problemsOf(valid("seed").input("{\"t\": \"@{tenant}\"}"))).singleElement().asString()
                .isEqualTo("invocation 'seed': <input> reads @{tenant}, but 'tenant' is not a configured invocation"
                        + " id");
        assertThat(problemsOf(valid("async").invocationType("Event"), valid("seed").input("{\"t\": \"@{async}\"}")))
                .singleElement().asString()
                .endsWith("reads @{async}, but 'async' is invoked asynchronously (<invocationType>Event"
                        + "</invocationType>) and has no result");
        assertThat(problemsOf(valid("token").keepResult(false), valid("seed").input("{\"t\": \"@{token}\"}")))
                .singleElement().asString()
                .isEqualTo("invocation 'seed': <input> reads @{token}, but 'token' does not keep its result"
                        + " (<keepResult> is false), so a run that does not invoke it has none to read; only an"
                        + " ephemeral result that is fresh on every run (<lifecycleScope>EVERY_RUN</lifecycleScope>"
                        + " on 'token') can be read");
        assertThat(validate(valid("token").keepResult(false).lifecycleScope("EVERY_RUN"),
                valid("seed").input("{\"t\": \"@{token}\"}")).get(1).spec().dependsOn()).containsExactly("token");
        assertThat(problemsOf(valid("seed").input("{\"t\": \"@{seed}\"}"))).singleElement().asString()
                .isEqualTo("invocation 'seed': <input> reads @{seed}, its own result");
        assertThat(problemsOf(valid("a"), valid("seed").input("{\"t\": \"@{a#id}\"}"))).singleElement()
                .asString().startsWith("invocation 'seed': <input> @{a#id} has a JSON pointer that is not one");
    }

    @Test
    void outputsNeedNamesPointersAndAResult() {
        assertThat(validate(valid("a").output("tenantId", "/tenant/id")).get(0).outputs())
                .containsEntry("tenantId", "/tenant/id");
        assertThat(problemsOf(valid("a").output("result", "/x"))).singleElement().asString()
                .startsWith("invocation 'a': <outputs> has the name 'result'");
        assertThat(problemsOf(valid("a").output("id", "tenant/id"))).singleElement().asString()
                .isEqualTo("invocation 'a': <outputs> <id> 'tenant/id' is not a JSON pointer: it starts with '/',"
                        + " for example /tenant/id");
        assertThat(problemsOf(valid("a").output("id", "/id").invocationType("Event"))).singleElement().asString()
                .startsWith("invocation 'a': <outputs> cannot be read from an asynchronous invocation");
        assertThat(problemsOf(valid("a").invocationType("event"))).singleElement().asString()
                .isEqualTo("invocation 'a': <invocationType> 'event' is not an invocation type; valid values:"
                        + " RequestResponse, Event");
    }

    @Test
    void trailingContentAndDuplicateKeysAreNotJson() {
        assertThat(problemsOf(valid("a").input("{\"a\":1} {\"b\":2}"))).singleElement().asString()
                .startsWith("invocation 'a': <input> is not valid JSON at line 1, column 9");
        assertThat(problemsOf(valid("b").input("{\"a\":1,\"a\":2}"))).singleElement().asString()
                .startsWith("invocation 'b': <input> is not valid JSON").contains("Duplicate field 'a'");
    }

    @Test
    void inputAndInputFileAreExclusiveAndOneIsRequired() throws IOException {
        Path file = Files.writeString(basedir.resolve("in.json"), "{}");

        assertThat(problemsOf(valid("both").inputFile(file))).singleElement().asString()
                .isEqualTo("invocation 'both': <input> and <inputFile> are both set: use exactly one of them");
        assertThat(problemsOf(InvocationSettings.withId("none").functionName("f"))).singleElement().asString()
                .startsWith("invocation 'none': <input> is missing");
    }

    @Test
    void inputFileIsReadRelativeToTheProject() throws IOException {
        Files.writeString(basedir.resolve("seed.json"), "\uFEFF{\"rows\": [1, 2]}", StandardCharsets.UTF_8);

        DesiredInvocation d = validate(InvocationSettings.withId("a").functionName("f")
                .inputFile(Path.of("seed.json"))).get(0);

        assertThat(d.inputText()).isEqualTo("{\"rows\": [1, 2]}");
        assertThat(MavenText.render(d.inputSource())).isEqualTo("<inputFile> " + basedir.resolve("seed.json"));
    }

    @Test
    void unreadableOrInvalidInputFilesAreNamed() throws IOException {
        Files.write(basedir.resolve("latin1.json"), new byte[] {'"', (byte) 0xE9, '"'});
        Files.writeString(basedir.resolve("broken.json"), "[1,");

        assertThat(problemsOf(InvocationSettings.withId("missing").functionName("f")
                .inputFile(Path.of("nope.json"))))
                .singleElement().asString()
                .isEqualTo("invocation 'missing': <inputFile> " + basedir.resolve("nope.json")
                        + " cannot be read: no such file");
        assertThat(problemsOf(InvocationSettings.withId("latin1").functionName("f")
                .inputFile(Path.of("latin1.json"))))
                .singleElement().asString().endsWith("latin1.json is not UTF-8 text");
        assertThat(problemsOf(InvocationSettings.withId("broken").functionName("f")
                .inputFile(Path.of("broken.json"))))
                .singleElement().asString()
                .startsWith("invocation 'broken': <inputFile> " + basedir.resolve("broken.json")
                        + " is not valid JSON at line 1");
    }

    @Test
    void crudNeedsAnObject() {
        assertThat(problemsOf(valid("list").lifecycleScope("CRUD").input("[1, 2]"))).singleElement().asString()
                .startsWith("invocation 'list': <input> must be a JSON object with <lifecycleScope>CRUD")
                .endsWith("it is a JSON array");
    }

    @Test
    void crudRefusesAnInputThatAlreadyHoldsTheLifecycleKeyAndSuggestsTerraformKey() {
        assertThat(problemsOf(valid("a").lifecycleScope("CRUD").input("{\"tf\": \"mine\"}")))
                .singleElement().asString()
                .startsWith("invocation 'a': <input> already has the key 'tf'")
                .contains("<terraformKey>");
        // with another key it fits, and CREATE_ONLY never adds a key
        assertThat(validate(valid("b").lifecycleScope("CRUD").terraformKey("lc").input("{\"tf\": \"mine\"}"),
                valid("c").input("{\"tf\": \"mine\"}"))).hasSize(2);
        assertThat(problemsOf(valid("d").lifecycleScope("CRUD").terraformKey("lc").input("{\"lc\": 1}")))
                .singleElement().asString().startsWith("invocation 'd': <input> already has the key 'lc'");
    }

    @Test
    void unknownLifecycleScopeListsTheValidValues() {
        assertThat(problemsOf(valid("a").lifecycleScope("crud"))).singleElement().asString()
                .isEqualTo("invocation 'a': <lifecycleScope> 'crud' is not a lifecycle scope; valid values:"
                        + " CREATE_ONLY, CRUD, EVERY_RUN");
    }

    @Test
    void functionNameIsRequired() {
        assertThat(problemsOf(valid("a").functionName("  "))).singleElement().asString()
                .startsWith("invocation 'a': <functionName> is required");
    }

    @Test
    void idsAreRequiredUniqueAndPlain() {
        assertThat(problemsOf(valid(null))).singleElement().asString()
                .startsWith("invocation #1: <id> is required");
        assertThat(problemsOf(valid("a"), valid("a"))).singleElement().asString()
                .isEqualTo("invocation 'a': <id> is used by more than one invocation: ids must be unique");
        for (String bad : List.of("seed db", "../x", "..", "a/b", "x".repeat(129), "é")) {
            assertThat(problemsOf(valid(bad))).as(bad).singleElement().asString()
                    .startsWith("invocation '" + bad + "': <id> '" + bad + "' may only use letters");
        }
        assertThat(validate(valid("Seed_db-1.v2"))).hasSize(1);
    }

    @Test
    void emptyTerraformKeyIsRefused() {
        assertThat(problemsOf(valid("a").terraformKey(" "))).singleElement().asString()
                .startsWith("invocation 'a': <terraformKey> is empty");
    }

    @Test
    void everyProblemOfEveryInvocationIsReportedAtOnce() {
        ConfigurationException e = (ConfigurationException) Rendered.rendered(catchThrowable(() -> validate(
                valid("ok"),
                valid("bad-json").input("{"),
                valid("bad-scope").lifecycleScope("ALWAYS").functionName(null))));

        assertThat(e.problems()).hasSize(3);
        assertThat(e.userFixable()).isTrue();
        assertThat(e.getMessage())
                .startsWith("3 problems in the configuration:")
                .contains("invocation 'bad-json': <input>", "invocation 'bad-scope': <functionName>",
                        "invocation 'bad-scope': <lifecycleScope>")
                .endsWith("Nothing was invoked and the state was not changed.");
    }

    @Test
    void anEmptyInputIsNotJson() {
        assertThatThrownBy(() -> validate(valid("a").input("   ")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invocation 'a': <input> is not valid JSON at line 1, column 1: it is empty");
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected a failure");
    }

    /** A client context object whose compact JSON is exactly {@code bytes} long. */
    private static String clientContextOf(int bytes) {
        String frame = "{\"custom\":{\"k\":\"\"}}";
        return "{\"custom\":{\"k\":\"" + "x".repeat(bytes - frame.length()) + "\"}}";
    }

    @Test
    void aClientContextIsAJsonObjectWithinLambdasLimitOnceBase64Encoded() {
        // base64 comes in blocks of 4: 2685 bytes make 3580 characters, the most under 3583; 2686 make 3584
        DesiredInvocation largest = validate(valid("a").clientContext(clientContextOf(2685))).get(0);
        assertThat(largest.spec().clientContextBase64()).hasSize(3580);
        assertThat(java.util.Base64.getDecoder().decode(largest.spec().clientContextBase64()))
                .asString(StandardCharsets.UTF_8).isEqualTo(clientContextOf(2685));

        assertThat(problemsOf(valid("big").clientContext(clientContextOf(2686)))).containsExactly(
                "invocation 'big': <clientContext> is 3584 bytes once base64-encoded, over Lambda's limit of 3583"
                        + " bytes: send less in it, or move data to the input");
        assertThat(problemsOf(valid("list").clientContext("[1, 2]"), valid("text").clientContext("\"ctx\"")))
                .containsExactly(
                        "invocation 'list': <clientContext> must be a JSON object (Lambda hands it to the function as"
                                + " its client context); it is a JSON array",
                        "invocation 'text': <clientContext> must be a JSON object (Lambda hands it to the function as"
                                + " its client context); it is a JSON string");
        assertThat(validate(valid("none").clientContext("  ")).get(0).spec().clientContext()).isNull();
    }

    @Test
    void aSensitiveInvocationsClientContextIsNotQuotedInItsJsonError() {
        assertThat(problemsOf(valid("open").clientContext("{\"token\": s3cr3t}")))
                .singleElement().asString().startsWith("invocation 'open': <clientContext> is not valid JSON at line 1")
                .contains("s3cr3t");
        assertThat(problemsOf(valid("hidden").clientContext("{\"token\": s3cr3t}").sensitive(true)))
                .singleElement().asString().endsWith("(details hidden: the invocation is sensitive)")
                .doesNotContain("s3cr3t");
    }

    @Test
    void anInvocationsOwnAccessIsPartOfItsTargetAndOnlyWhatItNames() {
        DesiredInvocation named = validate(valid("a").access(" account-b ", null,
                "arn:aws:iam::123456789012:role/seeder", "ext-1", "http://127.0.0.1:4566")).get(0);
        assertThat(named.target().access()).isEqualTo(new io.github.lambdainvocation.model.Access("account-b", null,
                "arn:aws:iam::123456789012:role/seeder", "ext-1", "http://127.0.0.1:4566"));
        assertThat(validate(valid("b").access(" ", null, "", null, null)).get(0).target().access())
                .as("blank is unset: the plugin's access, nothing recorded").isNull();
    }

    @Test
    void anInvocationsOwnAccessIsCheckedElementByElement() {
        assertThat(problemsOf(
                valid("both").access("dev", "aws-b", null, null, null),
                valid("arn").access(null, null, "deployer", null, null),
                valid("ext").access("dev", null, null, "ext-1", null),
                valid("url").access(null, null, null, null, "127.0.0.1:4566")))
                .containsExactly(
                        "invocation 'both': <serverId> and <profile> are both set: name one of them, the keys of a"
                                + " server or an AWS profile",
                        "invocation 'arn': <roleArn> 'deployer' is not a role ARN"
                                + " (arn:aws:iam::ACCOUNT-ID:role/ROLE-NAME)",
                        "invocation 'ext': <roleExternalId> is set without <roleArn> in this invocation: the external"
                                + " id belongs to the role it names",
                        "invocation 'url': <endpointUrl> '127.0.0.1:4566' is not a usable URL: it needs http:// or"
                                + " https:// and a host (for example http://127.0.0.1:4566)");
    }
}
