package io.github.lambdainvocation.aws;

import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.aws.AwsSettings.CredentialsSettings;
import io.github.lambdainvocation.aws.AwsSettings.ProxySettings;
import io.github.lambdainvocation.aws.AwsSettings.Service;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS clients of one goal execution: one client per (service, region, endpoint), all sharing one
 * credentials provider (resolved once, when the first client is needed) and one HTTP connection pool per proxy
 * route. Nothing is created before it is needed, so a run with nothing to do builds no client at all.
 */
public final class AwsClients implements AutoCloseable {

    /** Lambda lets a function run 15 minutes; the socket read timeout leaves a margin on top. */
    public static final Duration READ_TIMEOUT = Duration.ofMinutes(15).plusSeconds(60);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final AwsSettings settings;
    private final Listener events;
    private final List<ExecutionInterceptor> interceptors;
    private final RegionResolver regions;
    private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();
    private final Map<Boolean, HttpClientBuiltAside> http = new ConcurrentHashMap<>();
    private volatile AwsCredentialsProvider credentials;
    private AwsCredentialsProvider preset;

    public AwsClients(AwsSettings settings, Listener events) {
        this(settings, events, List.of());
    }

    /** @param interceptors extra SDK interceptors on every client (tests and benchmarks count requests) */
    public AwsClients(AwsSettings settings, Listener events, List<ExecutionInterceptor> interceptors) {
        this.settings = settings;
        this.events = events;
        this.interceptors = List.copyOf(interceptors);
        this.regions = new RegionResolver(settings.region(), settings.credentials().profile());
    }

    /** Clients for a local emulator: one endpoint for every service, fixed credentials, no proxy. */
    public static AwsClients forEndpoint(URI endpoint, AwsCredentialsProvider credentials, Listener events,
            ExecutionInterceptor... interceptors) {
        AwsClients clients = new AwsClients(new AwsSettings(null, endpoint, null, null, null,
                CredentialsSettings.DEFAULT_CHAIN, null), events, Arrays.asList(interceptors));
        clients.preset = credentials;
        return clients;
    }

    public RegionResolver regions() {
        return regions;
    }

    /** The Lambda client of {@code region}. The SDK's retries are off: only the caller knows what is safe. */
    public LambdaClient lambda(Region region) {
        URI endpoint = settings.endpointOf(Service.LAMBDA);
        SdkHttpClient httpClient = http(endpoint); // builds aside while the credentials and the client are made
        return client(Service.LAMBDA, region, endpoint, () -> {
            var builder = LambdaClient.builder()
                    .region(region)
                    .httpClient(httpClient)
                    .credentialsProvider(credentials())
                    .overrideConfiguration(o -> {
                        o.retryStrategy(AwsRetryStrategy.doNotRetry());
                        interceptors.forEach(o::addExecutionInterceptor);
                    });
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            return builder.build();
        });
    }

    /** The S3 client of {@code region}, path-style when its endpoint is overridden. */
    public S3Client s3(Region region) {
        URI endpoint = settings.endpointOf(Service.S3);
        SdkHttpClient httpClient = http(endpoint);
        return client(Service.S3, region, endpoint, () -> {
            var builder = S3Client.builder()
                    .region(region)
                    .httpClient(httpClient)
                    .credentialsProvider(credentials())
                    .overrideConfiguration(o -> {
                        o.apiCallAttemptTimeout(Duration.ofSeconds(60));
                        interceptors.forEach(o::addExecutionInterceptor);
                    });
            if (endpoint != null) {
                builder.endpointOverride(endpoint).forcePathStyle(true);
            }
            return builder.build();
        });
    }

    /** How many service clients were created (a run with nothing to do creates none). */
    public int clientCount() {
        return clients.size();
    }

    /**
     * The credentials of every client, built from the settings and resolved once, so that missing or wrong
     * credentials are one clear error before the first call.
     */
    public AwsCredentialsProvider credentials() {
        AwsCredentialsProvider provider = credentials;
        if (provider == null) {
            synchronized (this) {
                provider = credentials;
                if (provider == null) {
                    provider = preset != null ? preset : build(settings.credentials());
                    try {
                        provider.resolveCredentials();
                    } catch (SdkException e) {
                        throw new LambdaInvocationException("No AWS credentials from " + describe(settings.credentials())
                                + ": " + e.getMessage() + " Nothing was invoked.", true, e);
                    }
                    credentials = provider;
                }
            }
        }
        return provider;
    }

    @Override
    public void close() {
        clients.values().forEach(SdkAutoCloseable::close);
        clients.clear();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
        http.values().forEach(HttpClientBuiltAside::close);
        http.clear();
    }

    private <T extends SdkAutoCloseable> T client(Service service, Region region, URI endpoint,
            java.util.function.Supplier<T> create) {
        // resolved outside computeIfAbsent: assuming a role builds (and registers) an STS client of its own, and a
        // ConcurrentHashMap must not be changed from inside its own computeIfAbsent ("Recursive update")
        credentials();
        @SuppressWarnings("unchecked")
        T client = (T) clients.computeIfAbsent(service + "|" + region.id() + "|" + endpoint, k -> create.get());
        // built meanwhile on a thread of its own: a client that cannot be built fails here, before any request
        http.values().forEach(HttpClientBuiltAside::built);
        return client;
    }

    private AwsCredentialsProvider build(CredentialsSettings c) {
        AwsCredentialsProvider base;
        if (c.staticKeys() != null) {
            AwsSettings.StaticKeys keys = c.staticKeys();
            base = StaticCredentialsProvider.create(keys.sessionToken() == null
                    ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                    : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
        } else if (c.profile() != null) {
            base = ProfileCredentialsProvider.builder().profileName(c.profile()).build();
        } else {
            base = DefaultCredentialsProvider.builder().build();
        }
        if (c.role() == null) {
            return base;
        }
        AwsSettings.RoleSettings role = c.role();
        URI endpoint = settings.endpointOf(Service.STS);
        Region region = settings.region() != null ? Region.of(settings.region()) : Region.US_EAST_1;
        var sts = StsClient.builder()
                .region(region)
                .httpClient(http(endpoint))
                .credentialsProvider(base)
                .overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor));
        if (endpoint != null) {
            sts.endpointOverride(endpoint);
        }
        StsClient client = sts.build();
        clients.put("STS-for-role", client);
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(client)
                .refreshRequest(r -> r.roleArn(role.arn())
                        .roleSessionName(role.sessionName())
                        .externalId(role.externalId())
                        .durationSeconds((int) role.duration().toSeconds()))
                .build();
    }

    /** Where the credentials come from, for messages; never the credentials themselves. */
    static String describe(CredentialsSettings c) {
        String base = c.staticKeys() != null
                ? c.staticKeys().source()
                : c.profile() != null
                        ? "the AWS profile '" + c.profile() + "'"
                        : "the AWS SDK's default chain (environment, system properties, web identity, the default"
                                + " profile, container and instance credentials)";
        return c.role() == null ? base : base + ", assuming the role " + c.role().arn();
    }

    /** One pool per route: direct (loopback endpoints, or no Maven proxy) or through Maven's proxy. */
    private SdkHttpClient http(URI endpoint) {
        boolean proxied = settings.proxy() != null && !isLoopback(endpoint);
        return http.computeIfAbsent(proxied, p -> {
            if (p) {
                events.on(new Event.ProxyUsed(settings.proxy().toString()));
            }
            return new HttpClientBuiltAside(() -> apache(p, endpoint));
        });
    }

    /** The Apache client of one route (built on its own thread, see {@link HttpClientBuiltAside}). */
    private SdkHttpClient apache(boolean proxied, URI endpoint) {
        ApacheHttpClient.Builder builder = ApacheHttpClient.builder()
                .socketTimeout(READ_TIMEOUT)
                .connectionTimeout(CONNECT_TIMEOUT)
                .tcpKeepAlive(true)
                // small JSON bodies: Expect: 100-continue costs a round trip and upsets some S3 emulators
                .expectContinueEnabled(false);
        if (proxied) {
            ProxySettings proxy = settings.proxy();
            builder.proxyConfiguration(ProxyConfiguration.builder()
                    .endpoint(URI.create(proxy.protocol() + "://" + proxy.host() + ":" + proxy.port()))
                    .username(proxy.username())
                    .password(proxy.password())
                    .nonProxyHosts(nonProxyHosts(proxy.nonProxyHosts()))
                    .preemptiveBasicAuthenticationEnabled(proxy.username() != null)
                    .useSystemPropertyValues(false)
                    .useEnvironmentVariableValues(false)
                    .build());
        } else if (endpoint != null && isLoopback(endpoint)) {
            // a local emulator: never through a proxy, not even one from the environment
            builder.proxyConfiguration(ProxyConfiguration.builder()
                    .useSystemPropertyValues(false)
                    .useEnvironmentVariableValues(false)
                    .build());
        }
        return builder.build();
    }

    /**
     * Maven writes {@code localhost|*.internal,example.org}, {@code *} matching anything; the SDK wants a set of
     * regular expressions, each matched against the whole lower-cased host name.
     */
    static Set<String> nonProxyHosts(String maven) {
        Set<String> hosts = new LinkedHashSet<>();
        if (maven != null) {
            for (String host : maven.split("[|,]")) {
                if (!host.isBlank()) {
                    hosts.add(Arrays.stream(host.trim().toLowerCase(Locale.ROOT).split("\\*", -1))
                            .map(literal -> literal.isEmpty() ? "" : Pattern.quote(literal))
                            .collect(Collectors.joining(".*")));
                }
            }
        }
        return hosts;
    }

    /** Whether {@code endpoint} names this machine (127.0.0.0/8, ::1 or localhost), without a DNS lookup. */
    static boolean isLoopback(URI endpoint) {
        if (endpoint == null || endpoint.getHost() == null) {
            return false;
        }
        String host = endpoint.getHost().replaceAll("^\\[|]$", "");
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The names of the clients created so far, for tests. */
    List<String> clientKeys() {
        return new ArrayList<>(clients.keySet());
    }
}
