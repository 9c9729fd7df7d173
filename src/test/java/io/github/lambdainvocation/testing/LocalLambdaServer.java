package io.github.lambdainvocation.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local stand-in for Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}), bound to
 * 127.0.0.1 only, for tests and the README demo. JDK classes only.
 *
 * <p>Registered functions echo their payload (as moto does), unless replies are queued for them: a function
 * error (Handled / Unhandled, with a log tail and a stack trace), an API error (404, 429, 400, 413...), a delay, or a hang-up
 * after the request was read. Unknown functions answer 404 ResourceNotFoundException. Every request is
 * recorded, so tests can assert the exact sequence of events each function received.
 */
public final class LocalLambdaServer implements AutoCloseable {

    /** Lambda's limit for a synchronous request payload. */
    public static final int MAX_PAYLOAD = 6 * 1024 * 1024;

    private static final String PATH_PREFIX = "/2015-03-31/functions/";

    static {
        // Without TCP_NODELAY the JDK's server sends its answer in two segments and every call waits out the
        // client's delayed ACK (about 40 ms here), which Lambda does not do. Read once, when the server's
        // configuration class loads: set before the first server of this JVM is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** One request as received, and how it was answered. */
    public record Request(
            String function,
            String qualifier,
            String payload,
            String invocationType,
            String logType,
            String authorization,
            String reply,
            boolean reachedFunction,
            String securityToken,
            String clientContext) {}

    /** How to answer one request. */
    public static final class Reply {
        final String kind;
        final int status;
        final String errorType;
        final String message;
        final String body;
        final String log;
        final Duration delay;
        /** For a function error: the name of its stack trace field ({@code stackTrace}, or {@code trace}). */
        final String traceField;
        final List<String> trace;
        /** Whether {@link #exactLogTail} replaces the START / END log tail. */
        final boolean exact;
        /** What {@code X-Amz-Log-Result} decodes to; null sends no such header. */
        final String exactLogTail;

        private Reply(String kind, int status, String errorType, String message, String body, String log,
                Duration delay) {
            this(kind, status, errorType, message, body, log, delay, "stackTrace", List.of(), false, null);
        }

        private Reply(String kind, int status, String errorType, String message, String body, String log,
                Duration delay, String traceField, List<String> trace, boolean exact, String exactLogTail) {
            this.kind = kind;
            this.status = status;
            this.errorType = errorType;
            this.message = message;
            this.body = body;
            this.log = log;
            this.delay = delay;
            this.traceField = traceField;
            this.trace = trace;
            this.exact = exact;
            this.exactLogTail = exactLogTail;
        }

        /**
         * This function error's payload carries {@code lines} in its {@code field} array: {@code "stackTrace"} (as
         * the Python and Java runtimes send it) or {@code "trace"} (as the Node.js runtime does).
         */
        public Reply withStackTrace(String field, String... lines) {
            return new Reply(kind, status, errorType, message, body, log, delay, field, List.of(lines), exact,
                    exactLogTail);
        }

        /**
         * The log tail is exactly {@code tail}, without the START / END lines: {@code ""} sends an empty
         * {@code X-Amz-Log-Result}, null none at all.
         */
        public Reply withLogTail(String tail) {
            return new Reply(kind, status, errorType, message, body, log, delay, traceField, trace, true, tail);
        }

        /** The function returns its payload unchanged. */
        public static Reply echo() {
            return new Reply("echo", 200, null, null, null, null, Duration.ZERO);
        }

        /** The function returns {@code body}. */
        public static Reply result(String body) {
            return new Reply("result", 200, null, null, body, null, Duration.ZERO);
        }

        /** The function ran and failed: 200 with {@code X-Amz-Function-Error: kind}. */
        public static Reply functionError(String kind, String errorType, String message, String log) {
            return new Reply("function-error:" + kind, 200, errorType, message, null, log, Duration.ZERO);
        }

        /** Lambda refuses the call before running anything: {@code status} with {@code x-amzn-ErrorType}. */
        public static Reply apiError(int status, String errorType, String message) {
            return new Reply("api-error:" + errorType, status, errorType, message, null, null, Duration.ZERO);
        }

        /**
         * Something in front of Lambda, or an emulator, refuses the call with a bare {@code status}: no
         * {@code x-amzn-ErrorType}, and {@code body} (may be empty) as the answer.
         */
        public static Reply bareApiError(int status, String body) {
            return new Reply("api-error", status, null, null, body, null, Duration.ZERO);
        }

        /** The function returns its payload and writes {@code log} to its log (seen with LogType Tail). */
        public static Reply echoLogging(String log) {
            return new Reply("echo", 200, null, null, null, log, Duration.ZERO);
        }

        /** The function runs (echo) but answers only after {@code delay}. */
        public static Reply slow(Duration delay) {
            return new Reply("echo", 200, null, null, null, null, delay);
        }

        /** The request reaches the function, then the connection is closed without an answer. */
        public static Reply hangUp() {
            return new Reply("hang-up", 0, null, null, null, null, Duration.ZERO);
        }

        /** Lambda's answer to a DryRun: 204, nothing runs. */
        static Reply dryRun() {
            return new Reply("dry-run", 204, null, null, null, null, Duration.ZERO);
        }

        boolean reachesFunction() {
            return !kind.startsWith("api-error") && !kind.equals("dry-run");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Set<String> functions = ConcurrentHashMap.newKeySet();
    private final Map<String, Deque<Reply>> queued = new ConcurrentHashMap<>();
    private final Map<String, String> standing = new ConcurrentHashMap<>();
    private final Map<String, Deque<String[]>> states = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> getFunctionCalls = new ConcurrentHashMap<>();
    private final Map<String, String[]> code = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    /** When set, what every GetFunction is answered with: a bare 404 with this body. */
    private volatile String getFunctionMissing;
    private volatile Consumer<Request> listener = r -> {};
    private volatile Consumer<String> arrival = p -> {};
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();

    private LocalLambdaServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-lambda");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free port of 127.0.0.1. */
    public static LocalLambdaServer start() throws IOException {
        return new LocalLambdaServer(0);
    }

    /** Starts on {@code port} of 127.0.0.1 (0 for any free port). */
    public static LocalLambdaServer start(int port) throws IOException {
        return new LocalLambdaServer(port);
    }

    /** Registers functions that exist (and echo by default). */
    public LocalLambdaServer function(String... names) {
        functions.addAll(List.of(names));
        return this;
    }

    /** Queues replies for the next requests to {@code function}, in order; afterwards it echoes again. */
    public LocalLambdaServer enqueue(String function, Reply... replies) {
        Deque<Reply> queue = queued.computeIfAbsent(function, f -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(replies));
        }
        return this;
    }

    /** Answers {@code function} with {@code body} instead of an echo whenever no reply is queued for it. */
    public LocalLambdaServer replyAlways(String function, String body) {
        standing.put(function, body);
        return this;
    }

    /**
     * Scripts what GetFunction reports for {@code function}, one answer per call, the last one repeated:
     * {@code "Pending/InProgress", "Active/Successful"}, or {@code "Failed/Failed:reason"}. By default a function
     * is {@code Active/Successful}.
     */
    public LocalLambdaServer states(String function, String... stateSlashUpdate) {
        Deque<String[]> queue = new ArrayDeque<>();
        for (String s : stateSlashUpdate) {
            queue.add(s.split("/", 2));
        }
        states.put(function, queue);
        return this;
    }

    /** What GetFunction reports as {@code function}'s code: its SHA-256 and version (default "local", "$LATEST"). */
    public LocalLambdaServer code(String function, String sha256, String version) {
        code.put(function, new String[] {sha256, version});
        return this;
    }

    /**
     * Makes every GetFunction answer a bare 404, as emulators that implement only Invoke do: no
     * {@code x-amzn-ErrorType}, and {@code body} (such as {@code {"message":"Not Found"}}, or empty) as the answer.
     */
    public LocalLambdaServer withoutGetFunction(String body) {
        this.getFunctionMissing = body;
        return this;
    }

    /** How many GetFunction calls {@code function} received. */
    public int getFunctionCalls(String function) {
        java.util.concurrent.atomic.AtomicInteger n = getFunctionCalls.get(function);
        return n == null ? 0 : n.get();
    }

    /** Called with the method and path of every request as it arrives, before it is answered. */
    public LocalLambdaServer onArrival(Consumer<String> listener) {
        this.arrival = listener;
        return this;
    }

    /** Called with every request once it is answered. */
    public LocalLambdaServer onRequest(Consumer<Request> listener) {
        this.listener = listener;
        return this;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request received, in order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests that reached {@code function} (not refused by an API error), in order. */
    public synchronized List<Request> events(String function) {
        return requests.stream().filter(r -> r.function().equals(function) && r.reachedFunction()).toList();
    }

    /** The payloads {@code function} received, in order. */
    public List<String> payloads(String function) {
        return events(function).stream().map(Request::payload).toList();
    }

    /** The most requests that were being answered at the same moment. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
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
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        arrival.accept(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(PATH_PREFIX)
                    && !path.substring(PATH_PREFIX.length()).contains("/")) {
                getFunction(exchange, path);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith(PATH_PREFIX)
                    || !path.endsWith("/invocations")) {
                send(exchange, 404, "application/json", "{\"message\":\"not the Invoke API\"}", Map.of());
                return;
            }
            String rawName = path.substring(PATH_PREFIX.length(), path.length() - "/invocations".length());
            String[] nameAndQualifier = functionName(URLDecoder.decode(rawName, StandardCharsets.UTF_8));
            String qualifier = query(exchange, "Qualifier");
            if (qualifier == null) {
                qualifier = nameAndQualifier[1] == null ? "$LATEST" : nameAndQualifier[1];
            }
            String function = nameAndQualifier[0];
            byte[] body = exchange.getRequestBody().readAllBytes();
            String payload = new String(body, StandardCharsets.UTF_8);

            Reply reply;
            if (!functions.contains(function)) {
                reply = Reply.apiError(404, "ResourceNotFoundException",
                        "Function not found: arn:aws:lambda:us-east-1:000000000000:function:" + function + ":" + qualifier);
            } else if (body.length > MAX_PAYLOAD) {
                reply = Reply.apiError(413, "RequestTooLargeException", "Request must be smaller than "
                        + MAX_PAYLOAD + " bytes for the InvokeFunction operation");
            } else if ("DryRun".equals(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"))) {
                reply = Reply.dryRun();
            } else {
                reply = next(function);
            }
            Request request = new Request(function, qualifier, payload,
                    exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Log-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    reply.kind, reply.reachesFunction(),
                    exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Client-Context"));
            synchronized (this) {
                requests.add(request);
            }
            answer(exchange, request, reply);
            listener.accept(request);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** GetFunction: the scripted state of a registered function, 404 for others (or for all, without it). */
    private void getFunction(HttpExchange exchange, String path) throws IOException {
        String name = functionName(URLDecoder.decode(path.substring(PATH_PREFIX.length()), StandardCharsets.UTF_8))[0];
        exchange.getRequestBody().readAllBytes();
        String missing = getFunctionMissing;
        if (missing != null) {
            getFunctionCalls.computeIfAbsent(name, n -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            send(exchange, 404, "application/json", missing, Map.of());
            return;
        }
        if (!functions.contains(name)) {
            String qualifier = query(exchange, "Qualifier");
            send(exchange, 404, "application/json", "{\"Type\":\"User\",\"message\":\"Function not found:"
                    + " arn:aws:lambda:us-east-1:000000000000:function:" + name + (qualifier == null ? "" : ":" + qualifier)
                    + "\"}", Map.of("x-amzn-ErrorType", "ResourceNotFoundException"));
            return;
        }
        getFunctionCalls.computeIfAbsent(name, n -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        String[] state = {"Active", "Successful"};
        Deque<String[]> script = states.get(name);
        if (script != null) {
            synchronized (script) {
                state = script.size() > 1 ? script.pollFirst() : script.peekFirst();
            }
        }
        String[] update = state[1].split(":", 2);
        String reason = update.length > 1 ? update[1] : null;
        String[] codeVersion = code.getOrDefault(name, new String[] {"local", "$LATEST"});
        String configuration = "{\"FunctionName\":" + quote(name) + ",\"Version\":" + quote(codeVersion[1])
                + ",\"State\":"
                + quote(state[0]) + ",\"LastUpdateStatus\":" + quote(update[0])
                + (reason == null ? "" : ",\"StateReason\":" + quote(reason) + ",\"StateReasonCode\":\"InternalError\""
                        + ",\"LastUpdateStatusReason\":" + quote(reason)
                        + ",\"LastUpdateStatusReasonCode\":\"InternalError\"")
                + ",\"CodeSha256\":" + quote(codeVersion[0]) + "}";
        send(exchange, 200, "application/json", "{\"Configuration\":" + configuration + "}", Map.of());
    }

    private Reply next(String function) {
        Deque<Reply> queue = queued.get(function);
        if (queue != null) {
            synchronized (queue) {
                Reply r = queue.pollFirst();
                if (r != null) {
                    return r;
                }
            }
        }
        String body = standing.get(function);
        return body == null ? Reply.echo() : Reply.result(body);
    }

    private static void answer(HttpExchange exchange, Request request, Reply reply) throws IOException {
        if (!reply.delay.isZero()) {
            try {
                Thread.sleep(reply.delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (reply.kind.equals("hang-up")) {
            return; // closing the exchange before any header was sent drops the connection
        }
        if (reply.kind.equals("dry-run")) {
            send(exchange, 204, "application/json", "", Map.of());
            return;
        }
        if ("Event".equals(request.invocationType()) && reply.kind.equals("echo")) {
            send(exchange, 202, "application/json", "", Map.of("x-amzn-RequestId", "local"));
            return; // queued: the function runs later, its result goes nowhere
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        if (reply.kind.startsWith("api-error")) {
            if (reply.errorType == null) {
                send(exchange, reply.status, "application/json", reply.body, headers);
                return;
            }
            headers.put("x-amzn-ErrorType", reply.errorType);
            if (reply.status == 429) {
                headers.put("Retry-After", "0");
            }
            send(exchange, reply.status, "application/json",
                    "{\"Type\":\"User\",\"message\":" + quote(reply.message) + "}", headers);
            return;
        }
        headers.put("X-Amz-Executed-Version", request.qualifier().equals("$LATEST") ? "$LATEST" : request.qualifier());
        String log = "START RequestId: local Version: " + request.qualifier() + "\n"
                + (reply.log == null ? "" : reply.log.endsWith("\n") ? reply.log : reply.log + "\n")
                + "END RequestId: local\n";
        if (reply.exact) {
            log = reply.exactLogTail;
        }
        if ("Tail".equals(request.logType()) && log != null) {
            headers.put("X-Amz-Log-Result", Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8)));
        }
        if (reply.kind.startsWith("function-error:")) {
            headers.put("X-Amz-Function-Error", reply.kind.substring("function-error:".length()));
            StringBuilder trace = new StringBuilder();
            for (String line : reply.trace) {
                trace.append(trace.length() == 0 ? "" : ",").append(quote(line));
            }
            send(exchange, 200, "application/json", "{\"errorMessage\":" + quote(reply.message) + ",\"errorType\":"
                    + quote(reply.errorType) + "," + quote(reply.traceField) + ":[" + trace + "]}", headers);
            return;
        }
        String body = reply.body != null ? reply.body : request.payload();
        send(exchange, 200, "application/json", body, headers);
    }

    private static void send(HttpExchange exchange, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** name, name:qualifier, partial ARN (account:function:name[:q]) or full ARN → {name, qualifier or null}. */
    static String[] functionName(String given) {
        String[] parts = given.split(":");
        if (given.startsWith("arn:")) {
            return new String[] {parts[6], parts.length > 7 ? parts[7] : null};
        }
        if (parts.length >= 3 && parts[1].equals("function")) {
            return new String[] {parts[2], parts.length > 3 ? parts[3] : null};
        }
        return new String[] {parts[0], parts.length > 1 ? parts[1] : null};
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Runs the server until killed, printing each request: {@code --port N} (default: any free port),
     * {@code --function NAME} (repeatable), {@code --port-file FILE} (the chosen port is written there),
     * {@code --reply NAME=JSON} (repeatable: NAME, also registered, answers every call with JSON, not an echo).
     */
    public static void main(String[] args) throws Exception {
        int port = 0;
        String portFile = null;
        boolean stamp = false;
        List<String> names = new ArrayList<>();
        Map<String, String> replies = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--function" -> names.add(args[++i]);
                case "--port-file" -> portFile = args[++i];
                case "--reply" -> {
                    String[] nameAndBody = args[++i].split("=", 2);
                    if (nameAndBody.length != 2) {
                        throw new IllegalArgumentException("--reply takes NAME=JSON, not " + args[i]);
                    }
                    names.add(nameAndBody[0]);
                    replies.put(nameAndBody[0], nameAndBody[1]);
                }
                case "--timestamps" -> stamp = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        boolean timestamps = stamp;
        LocalLambdaServer server = start(port).function(names.toArray(String[]::new));
        replies.forEach(server::replyAlways);
        server.onRequest(r -> System.out.println("[local lambda] " + r.function() + ":" + r.qualifier() + " <- "
                + r.payload() + (r.reachedFunction() ? "" : "  (refused: " + r.reply() + ")")));
        server.onArrival(path -> {
            if (timestamps) {
                System.out.println("[local lambda] at " + System.currentTimeMillis() + " " + path);
            }
        });
        if (portFile != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(portFile), Integer.toString(server.port()));
        }
        System.out.println("[local lambda] listening on " + server.endpoint() + " with functions " + names);
        Thread.currentThread().join();
    }
}
