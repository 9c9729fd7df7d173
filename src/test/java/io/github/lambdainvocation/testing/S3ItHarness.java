package io.github.lambdainvocation.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Glue for the invoker ITs that keep their state in S3 (src/it/s3-*): starts a {@link LocalS3} with one bucket,
 * hands it to the later hooks as {@code context.s3} (the bucket's name as {@code context.bucket}), and points the
 * IT's Maven builds at it with the user property {@code lambda-invocation.stateS3EndpointUrl}. The helpers below
 * look at the bucket from the hooks with a client of their own, as another machine would.
 */
public final class S3ItHarness {

    private S3ItHarness() {}

    /**
     * Starts S3 with the empty bucket {@code bucket}. Use a bucket named after the IT: the ITs share one JVM.
     * Returns nothing: a pre-build hook must not end with a value other than true.
     */
    @SuppressWarnings("unchecked")
    public static void start(Map<String, Object> context, String bucket) throws Exception {
        // s3proxy and its Jetty (shaded into org.gaul.shaded) log their start and stop at INFO, into the output of
        // the build that runs the ITs; Maven's logger reads these levels when a logger is first asked for
        System.setProperty("org.slf4j.simpleLogger.log.org.gaul", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        LocalS3 s3 = LocalS3.start();
        context.put("s3", s3);
        context.put("bucket", bucket);
        s3.bucket(bucket);
        ((Map<Object, Object>) context.get("userProperties"))
                .put("lambda-invocation.stateS3EndpointUrl", s3.endpoint().toString());
    }

    /**
     * Instead of S3, for ITs in which the state must not be touched at all: an endpoint that answers every request
     * with 503 and records it ({@code "GET /bucket/key?query"}) in the list {@code context.s3Requests}.
     */
    @SuppressWarnings("unchecked")
    public static void startRecorder(Map<String, Object> context) throws IOException {
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                exchange.sendResponseHeaders(503, -1);
            }
        });
        server.start();
        context.put("s3Recorder", server);
        context.put("s3Requests", requests);
        ((Map<Object, Object>) context.get("userProperties")).put("lambda-invocation.stateS3EndpointUrl",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stops what {@link #start} or {@link #startRecorder} started (for verify.groovy's finally). */
    public static void stop(Map<String, Object> context) {
        Object s3 = context.get("s3");
        if (s3 != null) {
            ((LocalS3) s3).stop();
        }
        Object recorder = context.get("s3Recorder");
        if (recorder != null) {
            ((HttpServer) recorder).stop(0);
        }
    }

    /** Every key in the IT's bucket, sorted. */
    public static List<String> keys(Map<String, Object> context) {
        try (S3Client s3 = client(context)) {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket(context))).contents().stream()
                    .map(S3Object::key).sorted().toList();
        }
    }

    /** Whether {@code key} exists in the IT's bucket. */
    public static boolean exists(Map<String, Object> context, String key) {
        return bytes(context, key) != null;
    }

    /** The object {@code key} of the IT's bucket, or null when there is none. */
    public static byte[] bytes(Map<String, Object> context, String key) {
        try (S3Client s3 = client(context)) {
            return s3.getObjectAsBytes(r -> r.bucket(bucket(context)).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    /** The object {@code key} of the IT's bucket as UTF-8 text, or null when there is none. */
    public static String text(Map<String, Object> context, String key) {
        byte[] bytes = bytes(context, key);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The ETag of {@code key}, or null when there is none: a changed object has a new one. */
    public static String etag(Map<String, Object> context, String key) {
        try (S3Client s3 = client(context)) {
            return s3.headObject(r -> r.bucket(bucket(context)).key(key)).eTag();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** Writes {@code text} (UTF-8) to {@code key}, unconditionally: for planting what a build would find. */
    public static void put(Map<String, Object> context, String key, String text) {
        try (S3Client s3 = client(context)) {
            s3.putObject(r -> r.bucket(bucket(context)).key(key).contentType("application/json"),
                    RequestBody.fromString(text, StandardCharsets.UTF_8));
        }
    }

    /** Removes {@code key} from the IT's bucket, as a build that releases its lock would. */
    public static void delete(Map<String, Object> context, String key) {
        try (S3Client s3 = client(context)) {
            s3.deleteObject(r -> r.bucket(bucket(context)).key(key));
        }
    }

    private static S3Client client(Map<String, Object> context) {
        return ((LocalS3) context.get("s3")).client();
    }

    private static String bucket(Map<String, Object> context) {
        return (String) context.get("bucket");
    }
}
