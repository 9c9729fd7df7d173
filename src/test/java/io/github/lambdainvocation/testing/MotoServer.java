package io.github.lambdainvocation.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives tests a {@code moto_server} (an AWS emulator) on 127.0.0.1.
 *
 * <p>When the environment variable {@code MOTO_ENDPOINT} names a running one (as {@code .ci/run} does), that
 * one is used. Otherwise one is started on a free port for the whole test run and stopped at its end, through
 * {@code src/test/moto/moto_server.py}: moto's application answering one request at a time, so that a
 * conditional write is atomic as it is on S3. Tests receive it as a parameter of type {@link MotoServer}.
 */
public final class MotoServer implements ParameterResolver {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // moto's server does not answer an h2c upgrade
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final URI endpoint;

    private MotoServer(URI endpoint) {
        this.endpoint = endpoint;
    }

    public MotoServer() {
        this.endpoint = null;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Sends a JSON body to one of moto's own endpoints (/moto-api/...). */
    public String post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Process.class.getName() + ".moto", k -> launch(), Running.class)
                .server;
    }

    /** The started process, stopped when the test run ends. */
    private record Running(MotoServer server, Process process)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            if (process != null) {
                process.destroy();
                try {
                    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
    }

    private static Running launch() {
        String given = System.getenv("MOTO_ENDPOINT");
        if (given != null && !given.isBlank()) {
            URI uri = URI.create(given.trim());
            if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
                throw new IllegalStateException("MOTO_ENDPOINT must be on 127.0.0.1, not " + given);
            }
            awaitReady(uri, null);
            return new Running(new MotoServer(uri), null);
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("moto_server", ".log");
            log.toFile().deleteOnExit();
            // moto's application behind src/test/moto/moto_server.py, which answers one request at a time
            Process process = new ProcessBuilder("python3", "src/test/moto/moto_server.py", "-H", "127.0.0.1", "-p",
                    Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            URI uri = URI.create("http://127.0.0.1:" + port + "/");
            awaitReady(uri, process);
            return new Running(new MotoServer(uri), process);
        } catch (IOException e) {
            throw new IllegalStateException("moto_server could not be started (is it installed? see README): " + e, e);
        }
    }

    private static void awaitReady(URI uri, Process process) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(uri.resolve("/moto-api/config"))
                                .timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (process != null) {
            process.destroyForcibly();
        }
        throw new IllegalStateException("moto_server at " + uri + " did not answer within 60 s");
    }
}
