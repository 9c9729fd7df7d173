package io.github.lambdainvocation.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * An HTTP client built on a thread of its own, so that the service client and the credentials are made meanwhile.
 * In a cold JVM each side takes a few hundred milliseconds of class loading, which a second core does at the same
 * time. {@link AwsClients} waits for it before handing out a service client, so a client that cannot be built
 * fails where it always did, before any request.
 */
final class HttpClientBuiltAside implements SdkHttpClient {

    private final CompletableFuture<SdkHttpClient> client = new CompletableFuture<>();

    HttpClientBuiltAside(Supplier<SdkHttpClient> build) {
        Thread builder = new Thread(() -> {
            try {
                client.complete(build.get());
            } catch (RuntimeException | Error e) {
                client.completeExceptionally(e);
            }
        }, "lambda-invocation-http-client-build");
        builder.setDaemon(true);
        builder.start();
    }

    /** The client, once built; throws what building it threw. */
    SdkHttpClient built() {
        try {
            return client.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return built().prepareRequest(request);
    }

    /** Known before the client is built: the SDK asks for it while it builds a service client. */
    @Override
    public String clientName() {
        return ApacheHttpClient.CLIENT_NAME;
    }

    /** Closes the client once built; one that failed to build has nothing to close (its failure was thrown). */
    @Override
    public void close() {
        SdkHttpClient built;
        try {
            built = client.join();
        } catch (CompletionException notBuilt) {
            return;
        }
        built.close();
    }
}
