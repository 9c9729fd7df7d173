package io.github.lambdainvocation.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain-HTTP forward proxy on 127.0.0.1 that records what passes through it, for tests of the plugin's use of
 * Maven's {@code <proxy>}. JDK classes only.
 *
 * <p>Clients send it absolute-form requests ({@code POST http://lambda.example.test:8123/2015-03-31/... HTTP/1.1}).
 * Whatever host such a request names, the proxy forwards it to one fixed port of 127.0.0.1 (a
 * {@link LocalLambdaServer}) and returns the answer: made-up host names are never resolved, by the client or by
 * the proxy, and nothing leaves this machine. It can require Basic proxy authentication, answering 407 without
 * it. CONNECT (HTTPS tunnels) is recorded and refused with 501.
 */
public final class RecordingProxy implements AutoCloseable {

    /** One request as the proxy received it, and the status it answered. */
    public record Request(String method, String uri, String host, String proxyAuthorization, int status) {

        /** The request's absolute URI without the query, for compact assertions. */
        public String target() {
            int q = uri.indexOf('?');
            return q < 0 ? uri : uri.substring(0, q);
        }
    }

    /** Hop-by-hop, length and date headers: the proxy and its HTTP stacks set their own (RFC 9110, 7.6.1). */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authorization",
            "proxy-connection", "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "date");

    private final HttpServer server;
    private final ExecutorService threads;
    private final int targetPort;
    private final HttpClient forward;
    private final List<Request> requests = new ArrayList<>();
    private volatile String expectedAuthorization;

    private RecordingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.forward = HttpClient.newBuilder()
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "recording-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free port of 127.0.0.1, forwarding every request to {@code targetPort} of 127.0.0.1. */
    public static RecordingProxy start(int targetPort) throws IOException {
        return new RecordingProxy(targetPort);
    }

    /** From now on, answers 407 to requests without {@code Proxy-Authorization: Basic base64(user:password)}. */
    public RecordingProxy requireBasicAuth(String user, String password) {
        expectedAuthorization = basic(user, password);
        return this;
    }

    /** The {@code Proxy-Authorization} value of {@code user} and {@code password}. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request received, in order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            String authorization = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("CONNECT".equalsIgnoreCase(method)) {
                reply(exchange, 501, "only plain-http proxying is supported");
            } else if (!uri.isAbsolute() || !"http".equalsIgnoreCase(uri.getScheme())) {
                // a request meant for a server, not for a proxy
                reply(exchange, 400, "a proxy request needs an absolute http:// URI");
            } else if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
                exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"recording-proxy\"");
                reply(exchange, 407, "proxy authentication required");
            } else {
                forward(exchange, method, uri, body);
            }
        }
    }

    /**
     * Records the request with the status it is about to get: before the answer leaves, so a test that reads
     * {@link #requests()} once its client has the answer always finds it.
     */
    private void record(HttpExchange exchange, int status) {
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst("Proxy-Authorization"), status));
        }
    }

    /** Sends the request to 127.0.0.1:targetPort with the same path, query, method, headers and body. */
    private int forward(HttpExchange exchange, String method, URI uri, byte[] body) throws IOException {
        URI local = URI.create("http://127.0.0.1:" + targetPort + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(local)
                .timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 && !method.equals("POST") && !method.equals("PUT")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 502, "interrupted");
            return 502;
        } catch (IOException e) {
            reply(exchange, 502, "forwarding failed: " + e);
            return 502;
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer = response.body();
        record(exchange, response.statusCode());
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
        return response.statusCode();
    }

    private void reply(HttpExchange exchange, int status, String text) throws IOException {
        record(exchange, status);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
