package io.github.lambdainvocation.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 hop on 127.0.0.1 between an SDK client (its endpoint override) and a {@link LocalLambdaServer},
 * that breaks requests on purpose: it answers an error status itself, resets the connection before or after
 * forwarding, cuts the answer's body short, holds the answer back, or stops listening so connections are refused.
 * Raw JDK sockets, so each fault is exactly what a client would see on the wire.
 *
 * <p>Faults are queued per kind of request (Invoke, GetFunction) and used one per request, in order; a request
 * with no fault queued is forwarded and answered as is. One request per connection: every answer says
 * {@code Connection: close}.
 */
public final class FaultProxy implements AutoCloseable {

    /** What to do to one request. */
    public enum Kind {
        /** Answer {@link Fault#status()} without forwarding: the function never sees the request. */
        ANSWER_BEFORE,
        /** Forward (the function runs), then answer {@link Fault#status()} instead of the real answer. */
        ANSWER_AFTER,
        /** Read the request, then reset the connection without forwarding. */
        RESET_BEFORE,
        /** Forward (the function runs), then reset the connection instead of answering. */
        RESET_AFTER,
        /** Forward, then send the answer's head and half of its body, and close. */
        TRUNCATE,
        /** Forward, then hold the answer back until the proxy is closed. */
        HOLD,
        /** Forward and answer, then stop listening: the next connection is refused. */
        GO_DOWN_AFTER
    }

    /**
     * One fault.
     *
     * @param kind what is done
     * @param status for the answering kinds, the status sent
     * @param headers for the answering kinds, the extra header lines sent ({@code Name: value})
     * @param body for the answering kinds, the body sent
     */
    public record Fault(Kind kind, int status, List<String> headers, String body) {

        /** Lambda's own error answer: {@code x-amzn-ErrorType} and a JSON message. */
        public static Fault lambdaError(Kind kind, int status, String errorType, String message, String... more) {
            List<String> headers = new ArrayList<>(List.of("x-amzn-ErrorType: " + errorType,
                    "Content-Type: application/json"));
            headers.addAll(List.of(more));
            return new Fault(kind, status, headers, "{\"Type\":\"Service\",\"message\":\"" + message + "\"}");
        }

        /** A bare status from something in front of Lambda: no error type, a plain text body. */
        public static Fault bare(Kind kind, int status, String text) {
            return new Fault(kind, status, List.of("Content-Type: text/plain"), text);
        }

        public static Fault of(Kind kind) {
            return new Fault(kind, 0, List.of(), "");
        }
    }

    private static final String FUNCTIONS = "/2015-03-31/functions/";

    private final int upstreamPort;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Fault> invokeFaults = new ArrayDeque<>();
    private final Deque<Fault> getFunctionFaults = new ArrayDeque<>();
    private final AtomicInteger invokes = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private ServerSocket listening;

    private FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        up();
    }

    /** Listens on a free port of 127.0.0.1 and forwards to {@code upstreamPort} of 127.0.0.1. */
    public static FaultProxy start(int upstreamPort) throws IOException {
        return new FaultProxy(upstreamPort);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Queues faults for the next Invoke requests, in order. */
    public synchronized FaultProxy onInvoke(Fault... faults) {
        invokeFaults.addAll(List.of(faults));
        return this;
    }

    /** Queues faults for the next GetFunction requests (the plugin's readiness check), in order. */
    public synchronized FaultProxy onGetFunction(Fault... faults) {
        getFunctionFaults.addAll(List.of(faults));
        return this;
    }

    /** Drops the faults not used yet and listens again: from now on every request is forwarded as is. */
    public synchronized void heal() throws IOException {
        invokeFaults.clear();
        getFunctionFaults.clear();
        up();
    }

    /** How many Invoke requests arrived here, whatever was done to them. */
    public int invokesArrived() {
        return invokes.get();
    }

    /** Starts listening again on the same port (a no-op while listening). */
    public synchronized void up() throws IOException {
        if (listening != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listening = socket;
        threads.execute(() -> accept(socket));
    }

    /** Stops listening: connections are refused until {@link #up()}. Connections already open go on. */
    public synchronized void down() {
        if (listening != null) {
            closeQuietly(listening);
            listening = null;
        }
    }

    @Override
    public void close() {
        down();
        closed.countDown();
        threads.shutdownNow();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed by down() or close()
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            Message request = Message.read(in);
            Fault fault = faultFor(request);
            Kind kind = fault == null ? null : fault.kind();
            if (kind == Kind.ANSWER_BEFORE) {
                answer(client, fault);
                return;
            }
            if (kind == Kind.RESET_BEFORE) {
                reset(client);
                return;
            }
            Message response = forward(request);
            if (kind == null) {
                relay(client, response);
                return;
            }
            switch (kind) {
                case ANSWER_AFTER -> answer(client, fault);
                case RESET_AFTER -> reset(client);
                case TRUNCATE -> {
                    OutputStream out = client.getOutputStream();
                    out.write(response.head());
                    out.write(response.body(), 0, response.body().length / 2);
                    out.flush();
                }
                case HOLD -> {
                    closed.await(30, TimeUnit.SECONDS);
                    relay(client, response);
                }
                case GO_DOWN_AFTER -> {
                    down();
                    relay(client, response);
                }
                default -> throw new IllegalStateException("unexpected fault " + kind);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away (it gave up waiting, or the proxy is closing): nothing more to do
        }
    }

    private synchronized Fault faultFor(Message request) {
        String path = request.path();
        if (request.method().equals("POST") && path.startsWith(FUNCTIONS) && path.endsWith("/invocations")) {
            invokes.incrementAndGet();
            return invokeFaults.pollFirst();
        }
        if (request.method().equals("GET") && path.startsWith(FUNCTIONS)) {
            return getFunctionFaults.pollFirst();
        }
        return null;
    }

    /** Sends {@code request} to the upstream server and reads its whole answer. */
    private Message forward(Message request) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            upstream.setSoTimeout(30_000);
            OutputStream out = upstream.getOutputStream();
            out.write(request.head());
            out.write(request.body());
            out.flush();
            return Message.read(new BufferedInputStream(upstream.getInputStream()));
        }
    }

    private static void relay(Socket client, Message response) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(response.head());
        out.write(response.body());
        out.flush();
    }

    private static void answer(Socket client, Fault fault) throws IOException {
        byte[] body = fault.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(fault.status()).append(' ')
                .append(reason(fault.status())).append("\r\n");
        fault.headers().forEach(h -> head.append(h).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        OutputStream out = client.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Closes with an RST instead of a FIN: the peer reads "connection reset". */
    private static void reset(Socket client) throws SocketException {
        client.setSoLinger(true, 0);
        closeQuietly(client);
    }

    private static String reason(int status) {
        return switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }

    /** An HTTP/1.1 request or response with a Content-Length body (or none). */
    private record Message(String startLine, List<String> headers, byte[] body) {

        static Message read(InputStream in) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                lines.add(line);
            }
            if (lines.isEmpty()) {
                throw new IOException("no message");
            }
            List<String> headers = lines.subList(1, lines.size());
            if (header(headers, "transfer-encoding") != null) {
                throw new IllegalStateException("chunked messages are not supported: " + lines.get(0));
            }
            String length = header(headers, "content-length");
            byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length.trim()));
            return new Message(lines.get(0), List.copyOf(headers), body);
        }

        String method() {
            return startLine.split(" ")[0];
        }

        String path() {
            String target = startLine.split(" ")[1];
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** The start line and headers, with {@code Connection: close} in place of any connection header. */
        byte[] head() {
            StringBuilder head = new StringBuilder(startLine).append("\r\n");
            for (String h : headers) {
                if (!h.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    head.append(h).append("\r\n");
                }
            }
            return head.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        private static String header(List<String> headers, String name) {
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return h.substring(colon + 1).trim();
                }
            }
            return null;
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed in the middle of a message head");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
