package io.github.lambdainvocation.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests shown in place of sensitive values: enough to tell two values apart, nothing to read them back. */
public final class Digests {

    private Digests() {}

    /** {@code sha256:<hex>} of the UTF-8 text; {@code sha256:-} for null. */
    public static String sha256(String text) {
        if (text == null) {
            return "sha256:-";
        }
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:<hex>} of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
