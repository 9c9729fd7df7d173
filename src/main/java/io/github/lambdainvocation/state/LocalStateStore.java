package io.github.lambdainvocation.state;

import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.files.PrivateFiles;
import io.github.lambdainvocation.model.Digests;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state as a local JSON file, written with {@link PrivateFiles#writeAtomically} (owner-only, atomic rename).
 * A lock file (see {@link #lock}) keeps two builds, or two threads of one parallel build, from interleaving their
 * runs.
 */
public final class LocalStateStore implements StateStore {

    /** File locks are held per process; threads of one Maven process also wait for each other. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockDirectory;
    /** The SHA-256 of the bytes last read or written, {@link #NO_STATE}, or null before the first read. */
    private volatile String version;

    public LocalStateStore(Path file) {
        this(file, defaultLockDirectory());
    }

    /** @param lockDirectory where the lock file is (tests give their own) */
    public LocalStateStore(Path file, Path lockDirectory) {
        this.file = file.toAbsolutePath().normalize();
        this.lockDirectory = lockDirectory;
    }

    public Path file() {
        return file;
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public State read() throws StateException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw StateCodec.corrupt(file.toString(), "it is a directory, not a file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) {
                // not "no state yet": the state may well exist where the link pointed before
                throw StateCodec.corrupt(file.toString(), "it is a symbolic link to " + target() + ", which does"
                        + " not exist");
            }
            version = NO_STATE;
            return State.empty();
        } catch (IOException e) {
            throw new StateException("The state " + file + " cannot be read: " + e, false, e);
        }
        version = Digests.sha256(bytes);
        return StateCodec.decode(bytes, file.toString());
    }

    private String target() {
        try {
            return Files.readSymbolicLink(file).toString();
        } catch (IOException e) {
            return "a path that cannot be read";
        }
    }

    @Override
    public String version() throws StateException {
        if (version == null) {
            read();
        }
        return version;
    }

    @Override
    public boolean exists() {
        return Files.exists(file);
    }

    /** Also removes what a write killed half-way left beside the file: writes happen under the lock. */
    @Override
    public void write(State state) throws StateException {
        try {
            PrivateFiles.removeLeftTemporaries(file);
            byte[] bytes = StateCodec.encode(state);
            PrivateFiles.writeAtomically(file, bytes);
            version = Digests.sha256(bytes);
        } catch (IOException e) {
            throw new StateException("The state " + file + " could not be written: " + e, false, e);
        }
    }

    /**
     * Locks this state's lock file, which lives in a directory of the user's own under the system's temporary
     * directory, named after the state's path: never in the project, so a build leaves nothing behind, and one
     * left by a killed build never blocks (the operating system releases a process's locks when it dies). The file
     * is not removed after a run: removing it would let a build that waited on the removed file and a build that
     * created a new one both hold "the" lock.
     */
    @Override
    public Lock lock() throws StateException {
        Path lockFile = lockFile();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            PrivateFiles.createPrivateDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.lock();
            FileChannel held = channel;
            return () -> {
                try {
                    fileLock.release();
                    held.close();
                } catch (IOException e) {
                    throw new StateException("The lock " + lockFile + " could not be released: " + e, false, e);
                } finally {
                    threadLock.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            closeQuietly(channel);
            throw new StateException("The lock " + lockFile + " of the state " + file + " could not be taken: " + e,
                    false, e);
        }
    }

    /** The lock file of this state, the same for every build of this user that uses the same state file. */
    public Path lockFile() {
        String name = Digests.sha256(file.toString()).substring("sha256:".length(), "sha256:".length() + 32);
        return lockDirectory.resolve(name + ".lock");
    }

    /** The user's directory of lock files in the system's temporary directory. */
    static Path defaultLockDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "lambda-invocation-locks-" + user);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock failure is reported instead
            }
        }
    }
}
