package io.github.lambdainvocation.state;

import io.github.lambdainvocation.model.Backoff;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The state as an S3 object, shared by builds on many machines, the way Terraform's S3 backend keeps it.
 *
 * <ul>
 *   <li>Lock: {@code <key>.lock}, created with {@code If-None-Match: *} (only one build can create it), holding
 *       {@link LockInfo}; released with {@code If-Match: <its ETag>}, so a build never removes a lock that is no
 *       longer its own.</li>
 *   <li>Writes are compare-and-swap: {@code If-Match: <ETag last read or written>}, or {@code If-None-Match: *}
 *       for a new state, so even a broken lock cannot lose an update; a conflict is reported, never retried
 *       blindly.</li>
 *   <li>Every write asks for server-side encryption (AES256, or aws:kms with the configured key) and carries a
 *       SHA-256 checksum; every request names the expected bucket owner when one is configured.</li>
 * </ul>
 */
public final class S3StateStore implements StateStore {

    /**
     * @param location the state object
     * @param kmsKeyId a KMS key for SSE-KMS; null for SSE-S3 (AES256)
     * @param expectedBucketOwner the account id that must own the bucket; null to not check
     * @param lockTimeout how long to wait for a lock held by another build; zero fails at once
     * @param lockPoll how often to look again while waiting
     */
    public record Settings(S3Location location, String kmsKeyId, String expectedBucketOwner, Duration lockTimeout,
            Duration lockPoll) {}

    private final S3Client s3;
    private final Settings settings;
    private final LockInfo me;
    private final Listener events;
    private final Clock clock;
    private final boolean ownsClient;
    /**
     * The lock poll with half jitter, so that builds waiting for one lock do not all look at the same moment;
     * made here, so that a negative poll fails when the store is made.
     */
    private final Backoff poll;

    /** The ETag of the state as last read or written by this store; null when there was none. */
    private String etag;
    /** Whether this store has read or written the state, so that {@link #etag} is known. */
    private boolean seen;

    /**
     * @param me this build, as it is written into the lock (its id is replaced by a fresh one per lock)
     * @param ownsClient whether {@link #close()} closes {@code s3}
     */
    public S3StateStore(S3Client s3, Settings settings, LockInfo me, Listener events, Clock clock,
            boolean ownsClient) {
        this.s3 = s3;
        this.settings = settings;
        this.me = me;
        this.events = events;
        this.clock = clock;
        this.ownsClient = ownsClient;
        this.poll = new Backoff(settings.lockPoll(), settings.lockPoll());
    }

    @Override
    public String location() {
        return settings.location().toString();
    }

    @Override
    public State read() throws StateException {
        ResponseBytes<GetObjectResponse> object = get(settings.location().key());
        seen = true;
        if (object == null) {
            etag = null;
            return State.empty();
        }
        etag = object.response().eTag();
        return StateCodec.decode(object.asByteArray(), location());
    }

    /** The ETag the last read or write saw; reads the state when this store has not yet. */
    @Override
    public String version() throws StateException {
        if (!seen) {
            read();
        }
        return etag == null ? NO_STATE : etag;
    }

    @Override
    public boolean exists() throws StateException {
        String key = settings.location().key();
        try {
            s3.headObject(r -> r.bucket(bucket()).key(key).expectedBucketOwner(settings.expectedBucketOwner()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e))) {
                return false;
            }
            throw S3Failures.of(e, "GetObject", settings.location(), key);
        } catch (SdkClientException e) {
            throw S3Failures.unreachable(e, settings.location());
        }
    }

    @Override
    public void write(State state) throws StateException {
        byte[] body = StateCodec.encode(state);
        String key = settings.location().key();
        PutObjectRequest.Builder request = put(key);
        if (etag == null) {
            request.ifNoneMatch("*");
        } else {
            request.ifMatch(etag);
        }
        try {
            etag = s3.putObject(request.build(), RequestBody.fromBytes(body)).eTag();
            seen = true;
        } catch (S3Exception e) {
            if (isPreconditionFailure(e)) {
                // A retry of our own write, whose first attempt landed, looks just like a conflict.
                ResponseBytes<GetObjectResponse> now = get(key);
                if (now != null && Arrays.equals(now.asByteArray(), body)) {
                    etag = now.response().eTag();
                    return;
                }
                throw new StateException("The state " + location() + " was changed by another build since this run"
                        + " read it (" + (etag == null ? "it was created meanwhile" : "its ETag is no longer "
                        + etag) + "). This run's change was not written, to lose nothing; the lock should have"
                        + " prevented this: was it broken with force-unlock while this build ran?", true, e);
            }
            throw S3Failures.of(e, "PutObject", settings.location(), key);
        } catch (SdkClientException e) {
            throw S3Failures.unreachable(e, settings.location());
        }
    }

    @Override
    public Lock lock() throws StateException {
        LockInfo mine = LockInfo.create(me.who(), me.goal(), me.project(), me.pluginVersion(), clock.instant());
        String lockKey = settings.location().lockKey();
        try (LockWait wait = new LockWait(location(), settings.lockTimeout(), poll, events, clock)) {
            return lock(mine, lockKey, wait);
        }
    }

    private Lock lock(LockInfo mine, String lockKey, LockWait wait) throws StateException {
        int vanished = 0;
        while (true) {
            String lockEtag;
            try {
                lockEtag = s3.putObject(put(lockKey).ifNoneMatch("*").contentType("application/json").build(),
                        RequestBody.fromBytes(mine.toJson())).eTag();
            } catch (S3Exception e) {
                if (!isPreconditionFailure(e)) {
                    throw S3Failures.of(e, "PutObject", settings.location(), lockKey);
                }
                Optional<Held> holder = readLock();
                if (holder.isPresent() && holder.get().info().lockId().equals(mine.lockId())) {
                    lockEtag = holder.get().etag(); // our own first attempt landed before a retry
                } else if (holder.isEmpty() && ++vanished <= 3) {
                    continue; // released in between: try again at once
                } else if (holder.isEmpty()) {
                    throw new StateException("The lock of " + location() + " could not be created although no lock"
                            + " object can be read: is another build creating and removing it in a loop?", false, e);
                } else {
                    wait.untilNextTry(holder.get().info()); // or StateLockedException once the timeout is over
                    continue;
                }
            } catch (SdkClientException e) {
                throw S3Failures.unreachable(e, settings.location());
            }
            String held = lockEtag;
            events.on(new Event.LockTaken(settings.location().lockKey(), mine.lockId()));
            return () -> release(lockKey, held, mine);
        }
    }

    @Override
    public Optional<LockInfo> currentLock() throws StateException {
        return readLock().map(Held::info);
    }

    @Override
    public void forceUnlock(String lockId) throws StateException {
        String lockKey = settings.location().lockKey();
        Held held = readLock().orElseThrow(() -> new StateException("The state " + location()
                + " is not locked: there is no " + lockKey + " to remove.", true));
        if (!held.info().lockId().equals(lockId)) {
            throw new StateException("The lock of " + location() + " has the id " + held.info().lockId() + ", not "
                    + lockId + "; it was left in place. It is held by " + held.info().holder() + ".", true);
        }
        delete(lockKey, held.etag());
        events.on(new Event.LockRemoved(location(), held.info().describe()));
    }

    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }

    private void release(String lockKey, String lockEtag, LockInfo mine) {
        try {
            s3.deleteObject(r -> r.bucket(bucket()).key(lockKey).ifMatch(lockEtag)
                    .expectedBucketOwner(settings.expectedBucketOwner()));
            events.on(new Event.LockReleased(mine.lockId()));
        } catch (S3Exception e) {
            if (isPreconditionFailure(e) || e.statusCode() == 404) {
                events.on(new Event.LockLost(location(), mine.lockId()));
                return;
            }
            throw S3Failures.of(e, "DeleteObject", settings.location(), lockKey);
        } catch (SdkClientException e) {
            throw S3Failures.unreachable(e, settings.location());
        }
    }

    /** The lock object and its ETag, or empty when there is none. */
    private Optional<Held> readLock() {
        ResponseBytes<GetObjectResponse> lock = get(settings.location().lockKey());
        return lock == null
                ? Optional.empty()
                : Optional.of(new Held(LockInfo.fromJson(lock.asByteArray()), lock.response().eTag()));
    }

    private record Held(LockInfo info, String etag) {}

    private ResponseBytes<GetObjectResponse> get(String key) {
        try {
            return s3.getObjectAsBytes(r -> r.bucket(bucket()).key(key)
                    .expectedBucketOwner(settings.expectedBucketOwner()));
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            throw S3Failures.of(e, "GetObject", settings.location(), key);
        } catch (SdkClientException e) {
            throw S3Failures.unreachable(e, settings.location());
        }
    }

    private void delete(String key, String ifMatch) {
        try {
            s3.deleteObject(r -> r.bucket(bucket()).key(key).ifMatch(ifMatch)
                    .expectedBucketOwner(settings.expectedBucketOwner()));
        } catch (S3Exception e) {
            if (isPreconditionFailure(e)) {
                throw new StateException("The lock of " + location() + " changed while it was being removed; it"
                        + " was left in place. Look at it again with the status goal.", true, e);
            }
            throw S3Failures.of(e, "DeleteObject", settings.location(), key);
        } catch (SdkClientException e) {
            throw S3Failures.unreachable(e, settings.location());
        }
    }

    private PutObjectRequest.Builder put(String key) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(bucket())
                .key(key)
                .contentType("application/json")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .expectedBucketOwner(settings.expectedBucketOwner());
        if (settings.kmsKeyId() != null) {
            request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(settings.kmsKeyId());
        } else {
            request.serverSideEncryption(ServerSideEncryption.AES256);
        }
        return request;
    }

    private String bucket() {
        return settings.location().bucket();
    }

    /** 412 PreconditionFailed; S3 answers 409 ConditionalRequestConflict to a racing conditional write. */
    private static boolean isPreconditionFailure(S3Exception e) {
        return e.statusCode() == 412 || (e.statusCode() == 409 && "ConditionalRequestConflict".equals(code(e)));
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
