package io.github.lambdainvocation.testing;

import java.net.URI;
import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 endpoint inside the JVM (s3proxy, in-memory store) on 127.0.0.1, checking SigV4 signatures made with the
 * access key {@code test} / secret {@code test}. Its conditional writes are atomic for If-None-Match only: race
 * tests belong on moto.
 */
public final class LocalS3 implements AutoCloseable {

    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final S3ProxyJunitCore proxy;

    private LocalS3(S3ProxyJunitCore proxy) {
        this.proxy = proxy;
    }

    public static LocalS3 start() throws Exception {
        S3ProxyJunitCore proxy = new S3ProxyJunitCore.Builder()
                .withBlobStoreProvider("transient")
                .withCredentials("test", "test")
                .build();
        proxy.beforeEach();
        return new LocalS3(proxy);
    }

    public URI endpoint() {
        return proxy.getUri();
    }

    /** A client as the plugin builds it (path-style, no Expect: 100-continue), with {@code interceptors}. */
    public S3Client client(ExecutionInterceptor... interceptors) {
        return S3Clients.create("us-east-1", endpoint(), CREDENTIALS,
                List.of(interceptors));
    }

    public LocalS3 bucket(String name) {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(name));
        }
        return this;
    }

    public void stop() {
        proxy.afterEach();
    }

    @Override
    public void close() {
        stop();
    }
}
