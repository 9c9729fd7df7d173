package io.github.lambdainvocation.config;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the input of one invocation: the inline text, or a UTF-8 file relative to the project directory. */
final class InputReader {

    /** The input text and where it came from ({@code <input>}, or {@code <inputFile> path}), for messages. */
    record Input(String text, String source) {}

    private final Path basedir;

    InputReader(Path basedir) {
        this.basedir = basedir;
    }

    /** The input, or null after adding the reason to {@code p}. */
    Input read(String text, File file, Problems p) {
        boolean hasText = text != null && !text.isEmpty();
        if (hasText && file != null) {
            p.add("{{input}}", "and {{inputFile}} are both set: use exactly one of them");
            return null;
        }
        if (!hasText && file == null) {
            p.add("{{input}}", "is missing: set {{input}} to a JSON value, or {{inputFile}} to a file holding one");
            return null;
        }
        return hasText ? new Input(text, "{{input}}") : readFile(file.toPath(), p);
    }

    private Input readFile(Path configured, Problems p) {
        Path file = configured.isAbsolute() ? configured : basedir.resolve(configured);
        String source = "{{inputFile}} " + file;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return new Input(text.startsWith("\uFEFF") ? text.substring(1) : text, source);
        } catch (CharacterCodingException e) {
            p.add(source, "is not UTF-8 text");
        } catch (IOException e) {
            p.add(source, "cannot be read: " + describe(e));
        }
        return null;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
