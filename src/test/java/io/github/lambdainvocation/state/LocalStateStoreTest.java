package io.github.lambdainvocation.state;

import static io.github.lambdainvocation.testing.Jsons.tree;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.State;
import static io.github.lambdainvocation.testing.Records.record;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsAnEmptyState() {
        assertThat(new LocalStateStore(dir.resolve("nothing/state.json")).read()).isEqualTo(State.empty());
    }

    @Test
    void aWriteRemovesTheTemporaryFileAKilledWriteLeftAndNothingElse() throws Exception {
        LocalStateStore store = new LocalStateStore(dir.resolve("state.json"));
        Path left = Files.writeString(dir.resolve(".state.json." + java.util.UUID.randomUUID() + ".tmp"), "{\"half");
        Path other = Files.writeString(dir.resolve(".other.json.1.tmp"), "not ours");

        store.write(State.of(List.of(record("a", "{}"))));

        assertThat(left).doesNotExist();
        assertThat(other).exists();
        assertThat(store.read().invocations()).containsOnlyKeys("a");
    }

    @Test
    void writesAndReadsBackEveryField() throws Exception {
        LocalStateStore store = new LocalStateStore(dir.resolve("sub/state.json"));
        State state = State.of(List.of(record("b", "{\"price\": 1.50, \"list\": [1, {\"x\": null}]}"),
                record("a", "{}")));

        store.write(state);

        assertThat(store.read()).isEqualTo(state);
        String text = Files.readString(store.file());
        assertThat(text).contains("\"formatVersion\" : 3", "\"price\" : 1.50", "\"executedVersion\" : \"3\"",
                "\"invokedAt\" : \"2026-11-27T10:15:30Z\"", "\"region\" : null");
        assertThat(text.indexOf("\"a\" :")).as("ids are sorted").isLessThan(text.indexOf("\"b\" :"));
    }

    @Test
    void theFileIsOwnerOnlyAndReplacedByRenameLeavingNoTemporaryFiles() throws Exception {
        LocalStateStore store = new LocalStateStore(dir.resolve("state.json"));
        store.write(State.of(List.of(record("a", "{}"))));
        Object firstInode = Files.getAttribute(store.file(), "unix:ino");

        store.write(State.of(List.of(record("a", "{\"v\": 2}"))));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(Files.getAttribute(store.file(), "unix:ino"))
                .as("a new file was renamed over the old one, not rewritten in place").isNotEqualTo(firstInode);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void damagedBytesADirectoryAndALinkToNothingAreRefusedRatherThanReadAsSomethingElse() throws Exception {
        Path file = dir.resolve("state.json");
        Files.write(file, "{\"formatVersion\": 2,\n \"invocations\": {\"caf\u00e9\": 1}}"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new LocalStateStore(file).read()).hasMessageStartingWith("The state " + file
                + " cannot be read: it is not UTF-8 text (line 2 has a byte that is not).");
        Files.delete(file);
        Files.createDirectory(file);
        assertThatThrownBy(() -> new LocalStateStore(file).read()).hasMessageStartingWith("The state " + file
                + " cannot be read: it is a directory, not a file.");
        Files.delete(file);
        Files.createSymbolicLink(file, Path.of("elsewhere.json"));
        // a link to nothing is not "no state yet": creating everything again could send every call twice
        assertThatThrownBy(() -> new LocalStateStore(file).read())
                .hasMessageStartingWith("The state " + file + " cannot be read: it is a symbolic link to"
                        + " elsewhere.json, which does not exist.")
                .matches(e -> ((StateException) e).userFixable());
    }

    @Test
    void aCorruptFileIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("state.json");
        for (String corrupt : List.of("{\"formatVersion\": 1, \"invocations\": {\"a\": ", "[]", "{}",
                "{\"formatVersion\": 1}",
                "{\"formatVersion\": 1, \"invocations\": {\"a\": {\"functionName\": \"f\"}}}",
                "{\"formatVersion\": 1, \"invocations\": {\"a\": {\"functionName\": \"f\", \"qualifier\": \"q\","
                        + " \"lifecycleScope\": \"SOMETIMES\", \"terraformKey\": \"tf\", \"input\": {}}}}")) {
            Files.writeString(file, corrupt);

            assertThatThrownBy(() -> new LocalStateStore(file).read())
                    .as(corrupt)
                    .isInstanceOf(StateException.class)
                    .hasMessageStartingWith("The state " + file + " cannot be read: ")
                    .hasMessageContaining("It was left untouched")
                    .matches(e -> ((StateException) e).userFixable());
            assertThat(Files.readString(file)).isEqualTo(corrupt);
        }
    }

    @Test
    void aNewerFormatIsRefusedWithAnUpgradeHint() throws Exception {
        Path file = Files.writeString(dir.resolve("state.json"), "{\"formatVersion\": 4, \"invocations\": {}}");

        assertThatThrownBy(() -> new LocalStateStore(file).read())
                .isInstanceOf(StateException.class)
                .hasMessageContaining("format version 4, written by a newer lambda-invocation-maven-plugin")
                .hasMessageContaining("reads formats up to 3");
    }

    @Test
    void aFormatOneStateFromTheFirstReleaseIsStillRead() throws Exception {
        Path file = Files.writeString(dir.resolve("state.json"), """
                {"formatVersion": 1, "invocations": {"seed": {"functionName": "fn", "qualifier": "$LATEST",
                  "region": null, "lifecycleScope": "CRUD", "terraformKey": "tf", "triggers": {},
                  "input": {"a": 1}, "result": "ok", "executedVersion": "$LATEST",
                  "invokedAt": "2026-11-27T10:15:30Z"}}}""");

        State state = new LocalStateStore(file).read();

        assertThat(tree(state.get("seed").orElseThrow().spec().input()).get("a").asInt()).isEqualTo(1);
        assertThat(state.get("seed").orElseThrow().spec().dependsOn()).isEmpty();
        assertThat(state.pending()).isEmpty();
    }

    @Test
    void pendingCallsAreWrittenAndReadBack() throws Exception {
        LocalStateStore store = new LocalStateStore(dir.resolve("state.json"));
        var pending = new PendingCall("seed", new io.github.lambdainvocation.model.Target("fn", "7", "eu-west-1"),
                "update", "{\"a\":2}", io.github.lambdainvocation.model.InvocationType.RequestResponse,
                java.time.Instant.parse("2026-11-27T11:00:00Z"), record("seed", "{\"a\":2}"));
        State state = State.of(List.of(record("seed", "{\"a\":1}")), List.of(pending,
                new PendingCall("gone", pending.target(), "delete", "{}",
                        io.github.lambdainvocation.model.InvocationType.Event, pending.startedAt(), null)));

        store.write(state);

        assertThat(store.read()).isEqualTo(state);
    }

    @Test
    void encodingIsStableSoUnchangedStatesCompareEqualByBytes() throws Exception {
        State state = State.of(List.of(record("a", "{\"k\": [1, 2]}")));
        byte[] once = StateCodec.encode(state);

        assertThat(StateCodec.encode(StateCodec.decode(once, "x"))).isEqualTo(once);
        assertThat(new String(once, StandardCharsets.UTF_8)).endsWith("}\n");
    }

    @Test
    void theLockMakesASecondRunWaitUntilTheFirstReleases() throws Exception {
        LocalStateStore store = new LocalStateStore(dir.resolve("state.json"));
        CountDownLatch secondHasIt = new CountDownLatch(1);
        AtomicBoolean firstReleased = new AtomicBoolean(false);
        AtomicBoolean overlap = new AtomicBoolean(false);

        StateStore.Lock first = store.lock();
        Thread second = new Thread(() -> {
            try (StateStore.Lock lock = new LocalStateStore(dir.resolve("state.json")).lock()) {
                overlap.set(!firstReleased.get());
                secondHasIt.countDown();
            }
        });
        second.start();
        assertThat(secondHasIt.await(300, TimeUnit.MILLISECONDS)).as("the second run must wait").isFalse();
        firstReleased.set(true);
        first.close();

        assertThat(secondHasIt.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlap).isFalse();
        second.join();
    }

    @Test
    void theVersionIsTheDigestOfTheBytesThisStoreLastReadOrWrote() throws Exception {
        LocalStateStore store = new LocalStateStore(dir.resolve("state.json"), dir.resolve("locks"));
        assertThat(store.version()).isEqualTo(StateStore.NO_STATE);

        store.write(State.of(List.of(record("a", "{}"))));
        String written = io.github.lambdainvocation.model.Digests.sha256(Files.readAllBytes(store.file()));
        assertThat(store.version()).isEqualTo(written);

        new LocalStateStore(store.file(), dir.resolve("locks")).write(State.of(List.of(record("a", "{\"v\":2}"))));
        assertThat(store.version()).as("as this store last saw it").isEqualTo(written);
        store.read();
        assertThat(store.version()).isEqualTo(io.github.lambdainvocation.model.Digests.sha256(
                Files.readAllBytes(store.file()))).isNotEqualTo(written);
    }
}
