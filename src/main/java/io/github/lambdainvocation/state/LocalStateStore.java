package io.github.lambdainvocation.state;

import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.files.PrivateFiles;
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
 * A lock file beside it keeps two builds, or two threads of one parallel build, from interleaving their runs.
 */
public final class LocalStateStore implements StateStore {

    /** File locks are held per process; threads of one Maven process also wait for each other. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;

    public LocalStateStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
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
            return State.empty();
        } catch (IOException e) {
            throw new StateException("The state " + file + " cannot be read: " + e, false, e);
        }
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
    public boolean exists() {
        return Files.exists(file);
    }

    @Override
    public void write(State state) throws StateException {
        try {
            PrivateFiles.writeAtomically(file, StateCodec.encode(state));
        } catch (IOException e) {
            throw new StateException("The state " + file + " could not be written: " + e, false, e);
        }
    }

    @Override
    public Lock lock() throws StateException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
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
            throw new StateException("The state lock " + lockFile + " could not be taken: " + e, false, e);
        }
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
