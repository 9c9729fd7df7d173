package io.github.lambdainvocation.state;

import io.github.lambdainvocation.model.State;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.testing.RecordingConsole;
import io.github.lambdainvocation.testing.LocalS3;
import io.github.lambdainvocation.testing.RecordingInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 state store against s3proxy in the JVM: the single-writer paths. */
class S3StateStoreTest {

    private static LocalS3 s3;
    private static int bucketCount;

    private final RecordingInterceptor wire = new RecordingInterceptor();
    private final RecordingConsole console = new RecordingConsole();
    private final List<String> log = console.lines();
    private S3Location location;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stopS3() {
        s3.stop();
    }

    @BeforeEach
    void freshBucket() {
        String bucket = "state-" + (++bucketCount);
        s3.bucket(bucket);
        location = new S3Location(bucket, "apps/shop/lambda-invocation.json");
    }

    private S3StateStore store(String who, Duration lockTimeout) {
        return store(who, lockTimeout, null, null);
    }

    private S3StateStore store(String who, Duration lockTimeout, String kmsKey, String owner) {
        S3Client client = s3.client(wire);
        return new S3StateStore(client,
                new S3StateStore.Settings(location, kmsKey, owner, lockTimeout, Duration.ofMillis(50)),
                new LockInfo(null, who, "invoke", "com.acme:shop", "0.1.0", null),
                new io.github.lambdainvocation.mojo.MavenEvents(console), Clock.systemUTC(), true);
    }

    private static State stateWith(String id, String input) throws Exception {
        return State.of(List.of(io.github.lambdainvocation.testing.Records.record(id, input)));
    }

    @Test
    void aMissingObjectIsAnEmptyStateThatIsThenCreatedAndReadBack() throws Exception {
        try (S3StateStore store = store("ci@runner", Duration.ZERO)) {
            assertThat(store.read()).isEqualTo(State.empty());
            assertThat(store.exists()).isFalse();

            store.write(stateWith("a", "{\"v\":1}"));
            store.write(stateWith("a", "{\"v\":2}"));

            assertThat(store.exists()).isTrue();
        }
        try (S3StateStore other = store("someone@else", Duration.ZERO)) {
            assertThat(other.read()).isEqualTo(stateWith("a", "{\"v\":2}"));
        }
        List<SdkHttpRequest> puts = wire.requests().stream().filter(r -> r.method() == SdkHttpMethod.PUT).toList();
        assertThat(puts).hasSize(2);
        assertThat(puts.get(0).firstMatchingHeader("If-None-Match")).as("a new state is created only if absent")
                .contains("*");
        assertThat(puts.get(1).firstMatchingHeader("If-Match")).as("an update names the ETag it replaces")
                .isPresent();
    }

    @Test
    void aConcurrentChangeIsAConflictNotAnOverwrite() throws Exception {
        try (S3StateStore first = store("ci@a", Duration.ZERO); S3StateStore second = store("ci@b", Duration.ZERO)) {
            first.write(stateWith("a", "{\"v\":1}"));
            second.read();
            first.write(stateWith("a", "{\"v\":2}"));

            assertThatThrownBy(() -> second.write(stateWith("a", "{\"v\":3}")))
                    .isInstanceOf(StateException.class)
                    .hasMessageStartingWith("The state " + location + " was changed by another build since this run"
                            + " read it")
                    .hasMessageContaining("was not written");
        }
        try (S3StateStore reader = store("ci@c", Duration.ZERO)) {
            assertThat(reader.read()).isEqualTo(stateWith("a", "{\"v\":2}"));
        }
    }

    @Test
    void writingANewStateWhereOneAppearedMeanwhileIsAConflictToo() throws Exception {
        try (S3StateStore late = store("ci@late", Duration.ZERO); S3StateStore early = store("ci@e", Duration.ZERO)) {
            late.read();
            early.write(stateWith("a", "{}"));

            assertThatThrownBy(() -> late.write(stateWith("b", "{}")))
                    .hasMessageContaining("it was created meanwhile");
        }
    }

    @Test
    void theLockHoldsWhoAndIsRemovedOnRelease() throws Exception {
        try (S3StateStore store = store("ci@runner-7", Duration.ZERO)) {
            StateStore.Lock lock = store.lock();
            LockInfo held = store.currentLock().orElseThrow();
            assertThat(held.who()).isEqualTo("ci@runner-7");
            assertThat(held.goal()).isEqualTo("invoke");
            assertThat(held.project()).isEqualTo("com.acme:shop");
            assertThat(held.pluginVersion()).isEqualTo("0.1.0");
            assertThat(held.lockId()).hasSize(36);
            assertThat(held.created()).isAfter(Instant.now().minusSeconds(60));

            lock.close();

            assertThat(store.currentLock()).isEmpty();
        }
        SdkHttpRequest lockPut = wire.requests().stream()
                .filter(r -> r.method() == SdkHttpMethod.PUT && r.encodedPath().endsWith(".lock")).findFirst()
                .orElseThrow();
        assertThat(lockPut.firstMatchingHeader("If-None-Match")).contains("*");
        SdkHttpRequest lockDelete = wire.requests().stream().filter(r -> r.method() == SdkHttpMethod.DELETE)
                .findFirst().orElseThrow();
        assertThat(lockDelete.firstMatchingHeader("If-Match")).as("only our own lock is removed").isPresent();
    }

    @Test
    void aHeldLockFailsAtOnceNamingTheHolderAndHowToBreakIt() throws Exception {
        try (S3StateStore holder = store("alice@laptop", Duration.ZERO);
                S3StateStore other = store("ci@runner", Duration.ZERO)) {
            StateStore.Lock lock = holder.lock();
            String id = holder.currentLock().orElseThrow().lockId();

            assertThatThrownBy(other::lock)
                    .isInstanceOfSatisfying(StateLockedException.class, e -> {
                        assertThat(e.holder().lockId()).isEqualTo(id);
                        assertThat(e.userFixable()).isTrue();
                    })
                    .hasMessageStartingWith("The state " + location + " is locked by alice@laptop (invoke of"
                            + " com.acme:shop, plugin 0.1.0) since ")
                    .hasMessageContaining("-Dlambda-invocation.lockTimeout=<seconds>")
                    .hasMessageEndingWith("mvn lambda-invocation:force-unlock -Dlambda-invocation.lockId=" + id);
            lock.close();
        }
    }

    @Test
    void withATimeoutASecondBuildWaitsForTheLock() throws Exception {
        try (S3StateStore holder = store("alice@laptop", Duration.ZERO);
                S3StateStore waiter = store("ci@runner", Duration.ofSeconds(30))) {
            StateStore.Lock first = holder.lock();
            CompletableFuture<StateStore.Lock> second = CompletableFuture.supplyAsync(waiter::lock);

            Thread.sleep(300);
            assertThat(second).as("still waiting while the lock is held").isNotDone();
            first.close();

            StateStore.Lock got = second.get(20, TimeUnit.SECONDS);
            assertThat(waiter.currentLock().orElseThrow().who()).isEqualTo("ci@runner");
            got.close();
        }
        assertThat(log).anyMatch(line -> line.startsWith("The state " + location + " is locked by alice@laptop")
                && line.endsWith("waiting up to 30 s."));
    }

    @Test
    void waitingEndsWithTheHoldersDetailsWhenTheTimeoutPasses() throws Exception {
        try (S3StateStore holder = store("alice@laptop", Duration.ZERO);
                S3StateStore waiter = store("ci@runner", Duration.ofSeconds(1))) {
            StateStore.Lock lock = holder.lock();
            long started = System.nanoTime();

            assertThatThrownBy(waiter::lock)
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("is locked by alice@laptop")
                    .hasMessageContaining("Waited 1 s for it.");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            lock.close();
        }
    }

    @Test
    void forceUnlockRemovesOnlyTheLockWithTheGivenId() throws Exception {
        try (S3StateStore dead = store("ci@died", Duration.ZERO); S3StateStore admin = store("me@desk", Duration.ZERO)) {
            StateStore.Lock abandoned = dead.lock();
            String id = admin.currentLock().orElseThrow().lockId();

            assertThatThrownBy(() -> admin.forceUnlock("not-" + id))
                    .isInstanceOf(StateException.class)
                    .hasMessageStartingWith("The lock of " + location + " has the id " + id + ", not not-" + id
                            + "; it was left in place.");
            assertThat(admin.currentLock()).isPresent();

            admin.forceUnlock(id);
            assertThat(admin.currentLock()).isEmpty();
            assertThat(log).anyMatch(l -> l.startsWith("Removed the lock of " + location + " held by ci@died"));

            // a new build takes the lock; the old holder, if it was alive after all, must not remove it
            StateStore.Lock fresh = admin.lock();
            abandoned.close();
            assertThat(admin.currentLock().orElseThrow().who()).isEqualTo("me@desk");
            assertThat(log).anyMatch(l -> l.startsWith("WARN The lock of " + location + " was no longer this"
                    + " build's"));
            fresh.close();

            assertThatThrownBy(() -> admin.forceUnlock(id)).hasMessageEndingWith("is not locked: there is no "
                    + location.lockKey() + " to remove.");
        }
    }

    @Test
    void everyWriteAsksForEncryptionAndCarriesASha256Checksum() throws Exception {
        try (S3StateStore store = store("ci@runner", Duration.ZERO)) {
            store.lock().close();
            store.write(stateWith("a", "{}"));
        }
        List<SdkHttpRequest> puts = wire.requests().stream().filter(r -> r.method() == SdkHttpMethod.PUT).toList();
        assertThat(puts).hasSize(2).allSatisfy(put -> {
            assertThat(put.firstMatchingHeader("x-amz-server-side-encryption")).contains("AES256");
            assertThat(put.firstMatchingHeader("x-amz-sdk-checksum-algorithm")
                    .or(() -> put.firstMatchingHeader("x-amz-checksum-sha256").map(v -> "SHA256")))
                    .contains("SHA256");
        });
    }

    @Test
    void aKmsKeyAndTheExpectedBucketOwnerAreSentWhenConfigured() {
        // s3proxy does not do KMS: look at the requests only, the answer does not matter here
        try (S3StateStore store = store("ci@runner", Duration.ZERO, "alias/state-key", "123456789012")) {
            try {
                store.write(State.empty());
            } catch (StateException ignored) {
                // the emulator may refuse what it cannot do
            }
        }
        SdkHttpRequest put = wire.requests().get(0);
        assertThat(put.firstMatchingHeader("x-amz-server-side-encryption")).contains("aws:kms");
        assertThat(put.firstMatchingHeader("x-amz-server-side-encryption-aws-kms-key-id")).contains("alias/state-key");
        assertThat(put.firstMatchingHeader("x-amz-expected-bucket-owner")).contains("123456789012");
    }

    @Test
    void aRunWithNothingToDoCostsThreeRequestsAndEachRecordedChangeOneMore() throws Exception {
        try (S3StateStore store = store("ci@runner", Duration.ZERO)) {
            store.write(stateWith("a", "{}"));
            wire.clear();

            try (StateStore.Lock lock = store.lock()) {
                store.read();
            }
            assertThat(wire.summary()).containsExactly("PUT " + location.lockKey(), "GET " + location.key(),
                    "DELETE " + location.lockKey());

            wire.clear();
            try (StateStore.Lock lock = store.lock()) {
                store.write(stateWith("a", "{\"v\":2}").with(io.github.lambdainvocation.testing.Records.record("b", "{}")));
            }
            assertThat(wire.summary()).containsExactly("PUT " + location.lockKey(), "PUT " + location.key(),
                    "DELETE " + location.lockKey());
        }
    }

    @Test
    void aStoredLockThatIsNotJsonStillBlocks() {
        try (S3Client raw = s3.client(); S3StateStore store = store("ci@runner", Duration.ZERO)) {
            raw.putObject(r -> r.bucket(location.bucket()).key(location.lockKey()),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("garbage"));

            assertThatThrownBy(store::lock).isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("is locked by ? (? of ?, plugin ?) since an unknown time, lock id ?");
        }
    }

    @Test
    void theStateIsTheSameJsonAsTheLocalFile() throws Exception {
        State state = stateWith("a", "{\"price\": 1.50}");
        try (S3StateStore store = store("ci@runner", Duration.ZERO); S3Client raw = s3.client()) {
            store.write(state);
            byte[] stored = raw.getObjectAsBytes(r -> r.bucket(location.bucket()).key(location.key())).asByteArray();

            assertThat(stored).isEqualTo(StateCodec.encode(state));
            assertThat(io.github.lambdainvocation.testing.Jsons.tree(new String(stored, java.nio.charset.StandardCharsets.UTF_8)).get("formatVersion")
                    .asInt()).isEqualTo(State.FORMAT_VERSION);
        }
    }

    @Test
    void theVersionIsTheETagOfTheLastReadOrWriteAndCostsNoRequest() throws Exception {
        try (S3StateStore store = store("ci@runner", Duration.ZERO)) {
            assertThat(store.version()).as("reads when it has not yet").isEqualTo(StateStore.NO_STATE);
            store.write(stateWith("a", "{}"));
            store.read();
            wire.clear();

            String version = store.version();

            assertThat(wire.requests()).isEmpty();
            assertThat(version).isEqualTo(s3.client().getObjectAsBytes(r -> r.bucket(location.bucket())
                    .key(location.key())).response().eTag());
        }
    }
}
