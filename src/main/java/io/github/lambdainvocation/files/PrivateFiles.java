package io.github.lambdainvocation.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Writes files that may hold secrets (state, results): readable by their owner only, and replaced atomically so
 * that a crash leaves the old content or the new, never a mix.
 */
public final class PrivateFiles {

    private PrivateFiles() {}

    /** Writes {@code bytes} to a temporary file beside {@code file}, flushes it to disk and renames it over. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(dir))) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /**
     * Removes the temporary files a {@link #writeAtomically} of {@code file} left when its process was killed
     * mid-write. They may hold secrets. Call it only when no other write of {@code file} can be under way (under
     * the file's lock).
     */
    public static void removeLeftTemporaries(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.nio.file.DirectoryStream<Path> left = Files.newDirectoryStream(dir,
                "." + file.getFileName() + ".*.tmp")) {
            for (Path temp : left) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Creates {@code dir} and its missing parents; {@code dir} itself, when created, for its owner only. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, posix(dir.getParent(), "rwx------"));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Owner-only permissions for a file. */
    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return posix(dir, "rw-------");
    }

    /** {@code permissions} where the file system of {@code where} has POSIX permissions; none elsewhere. */
    private static FileAttribute<?>[] posix(Path where, String permissions) {
        if (where.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
        }
        return new FileAttribute<?>[0];
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort: the data itself was flushed before the rename
        }
    }
}
