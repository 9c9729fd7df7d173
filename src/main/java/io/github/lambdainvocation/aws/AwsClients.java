package io.github.lambdainvocation.aws;

import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.aws.AwsSettings.CredentialsSettings;
import io.github.lambdainvocation.model.Access;
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
import java.util.function.Function;
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
 * The AWS clients of one goal execution: one client per (service, region, endpoint, credentials), one
 * credentials provider per distinct access (the plugin's, and each different one that invocations name
 * themselves; each resolved once, when first needed) and one HTTP connection pool per proxy route. Nothing is
 * created before it is needed, so a run with nothing to do builds no client at all.
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
    private final Map<String, HttpClientBuiltAside> http = new ConcurrentHashMap<>();
    /** One provider per distinct access, resolved once; its number keys the clients that use it. */
    private final Map<CredentialsSettings, Resolved> providers = new ConcurrentHashMap<>();
    /** What each access the invocations name comes to, with the plugin's settings for what it leaves unset. */
    private final Map<Access, CredentialsSettings> effective = new ConcurrentHashMap<>();
    private final Function<String, AwsSettings.StaticKeys> servers;
    private AwsCredentialsProvider preset;

    /** A resolved credentials provider and its number among those of this execution. */
    private record Resolved(int number, AwsCredentialsProvider provider) {}

    public AwsClients(AwsSettings settings, Listener events) {
        this(settings, events, List.of());
    }

    /** @param interceptors extra SDK interceptors on every client (tests and benchmarks count requests) */
    public AwsClients(AwsSettings settings, Listener events, List<ExecutionInterceptor> interceptors) {
        this(settings, events, interceptors, null);
    }

    /**
     * @param servers the access keys of a settings.xml server by its id, for invocations that name a
     *     {@code serverId}; null when there are no settings
     */
    public AwsClients(AwsSettings settings, Listener events, List<ExecutionInterceptor> interceptors,
            Function<String, AwsSettings.StaticKeys> servers) {
        this.settings = settings;
        this.events = events;
        this.interceptors = List.copyOf(interceptors);
        this.regions = new RegionResolver(settings.region(), settings.credentials().profile());
        this.servers = servers;
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
        return lambda(region, null);
    }

    /**
     * The Lambda client of {@code region} for calls of an invocation that names {@code access} (null: the
     * plugin's): shared by every invocation whose endpoint and credentials are the same.
     */
    public LambdaClient lambda(Region region, Access access) {
        URI endpoint = access != null && access.endpointUrl() != null
                ? URI.create(access.endpointUrl())
                : settings.endpointOf(Service.LAMBDA);
        SdkHttpClient httpClient = http(endpoint); // builds aside while the credentials and the client are made
        Resolved credentials = resolved(access);
        return client(Service.LAMBDA, region, endpoint, credentials, () -> {
            var builder = LambdaClient.builder()
                    .region(region)
                    .httpClient(httpClient)
                    .credentialsProvider(credentials.provider())
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
        Resolved credentials = resolved(null);
        return client(Service.S3, region, endpoint, credentials, () -> {
            var builder = S3Client.builder()
                    .region(region)
                    .httpClient(httpClient)
                    .credentialsProvider(credentials.provider())
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

    /** How many distinct credentials providers were resolved (one per distinct access). */
    public int credentialsCount() {
        return providers.size();
    }

    /**
     * The plugin's credentials, built from the settings and resolved once, so that missing or wrong credentials
     * are one clear error before the first call.
     */
    public AwsCredentialsProvider credentials() {
        return resolved(null).provider();
    }

    /**
     * The credentials of calls of an invocation that names {@code access} (null: the plugin's): what it names, the
     * plugin's settings for the rest; resolved once per distinct access. A failure says where the credentials
     * came from and which of the invocation's elements named them.
     */
    public AwsCredentialsProvider credentials(Access access) {
        return resolved(access).provider();
    }

    private Resolved resolved(Access access) {
        CredentialsSettings wanted = access == null ? settings.credentials()
                : effective.computeIfAbsent(access, this::effective);
        Resolved found = providers.get(wanted);
        if (found != null) {
            return found;
        }
        synchronized (this) {
            found = providers.get(wanted);
            if (found == null) {
                AwsCredentialsProvider provider = build(wanted, access);
                try {
                    provider.resolveCredentials();
                } catch (SdkException e) {
                    if (provider instanceof SdkAutoCloseable closeable) {
                        closeable.close();
                    }
                    throw new LambdaInvocationException(named(access) + "No AWS credentials from " + describe(wanted)
                            + ": " + e.getMessage() + " Nothing was invoked.", true, e);
                }
                found = new Resolved(providers.size() + 1, provider);
                providers.put(wanted, found);
            }
            return found;
        }
    }

    /**
     * The credentials settings of {@code access}: a server or profile it names replaces the plugin's base
     * credentials, a role it names replaces the plugin's role (assumed with the plugin's session name and
     * duration); what it leaves unset is the plugin's.
     */
    private CredentialsSettings effective(Access access) {
        CredentialsSettings plugin = settings.credentials();
        if (access == null || !access.namesCredentials()) {
            return plugin;
        }
        String profile = plugin.profile();
        AwsSettings.StaticKeys keys = plugin.staticKeys();
        if (access.serverId() != null) {
            profile = null;
            keys = serverKeys(access);
        } else if (access.profile() != null) {
            profile = access.profile();
            keys = null;
        }
        AwsSettings.RoleSettings role = plugin.role();
        if (access.roleArn() != null) {
            AwsSettings.RoleSettings template = role != null ? role
                    : AwsSettings.RoleSettings.of(access.roleArn(), null, null, "1h");
            role = new AwsSettings.RoleSettings(access.roleArn(), access.roleExternalId(), template.sessionName(),
                    template.duration());
        }
        return new CredentialsSettings(profile, keys, role);
    }

    private AwsSettings.StaticKeys serverKeys(Access access) {
        if (servers == null) {
            throw new LambdaInvocationException(named(access) + "this run has no servers to read keys from."
                    + " Nothing was invoked.", true);
        }
        return servers.apply(access.serverId()); // its errors name the server and the element already
    }

    /** Which of the invocation's own elements named the credentials, as a message prefix; empty for the plugin's. */
    private static String named(Access access) {
        if (access == null || !access.namesCredentials()) {
            return "";
        }
        String base = access.serverId() != null ? "{{serverId}} '" + access.serverId() + "'"
                : access.profile() != null ? "{{profile}} '" + access.profile() + "'"
                : null;
        String role = access.roleArn() == null ? null : "{{roleArn}} '" + access.roleArn() + "'";
        return (base == null ? role : role == null ? base : role + " with " + base) + ": ";
    }

    @Override
    public void close() {
        // loops, not forEach with lambdas: every run closes this, the runs with nothing to invoke too
        for (SdkAutoCloseable client : clients.values()) {
            client.close();
        }
        clients.clear();
        for (Resolved r : providers.values()) {
            if (r.provider() instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        }
        providers.clear();
        for (HttpClientBuiltAside client : http.values()) {
            client.close();
        }
        http.clear();
    }

    private <T extends SdkAutoCloseable> T client(Service service, Region region, URI endpoint, Resolved credentials,
            java.util.function.Supplier<T> create) {
        // the credentials are resolved before, outside computeIfAbsent: assuming a role builds (and registers) an
        // STS client of its own, and a ConcurrentHashMap must not be changed from inside its own computeIfAbsent
        @SuppressWarnings("unchecked")
        T client = (T) clients.computeIfAbsent(service + "|" + region.id() + "|" + endpoint + "|credentials-"
                + credentials.number(), k -> create.get());
        // built meanwhile on a thread of its own: a client that cannot be built fails here, before any request
        http.values().forEach(HttpClientBuiltAside::built);
        return client;
    }

    private AwsCredentialsProvider build(CredentialsSettings c, Access access) {
        AwsCredentialsProvider base;
        if (c.staticKeys() != null) {
            AwsSettings.StaticKeys keys = c.staticKeys();
            base = StaticCredentialsProvider.create(keys.sessionToken() == null
                    ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                    : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
        } else if (c.profile() != null) {
            base = ProfileCredentialsProvider.builder().profileName(c.profile()).build();
        } else if (preset != null) {
            base = preset;
        } else {
            base = DefaultCredentialsProvider.builder().build();
        }
        if (c.role() == null) {
            return base;
        }
        AwsSettings.RoleSettings role = c.role();
        URI endpoint = settings.stsEndpoint() != null ? settings.stsEndpoint()
                : access != null && access.endpointUrl() != null ? URI.create(access.endpointUrl())
                : settings.endpointOf(Service.STS);
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
        clients.put("STS-for-role|" + (providers.size() + 1), client);
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

    /**
     * One pool per route: through Maven's proxy, to a loopback endpoint (never through any proxy), or direct. An
     * invocation's own endpoint may be loopback while the plugin's is not, so the two direct routes are apart.
     */
    private SdkHttpClient http(URI endpoint) {
        boolean proxied = settings.proxy() != null && !isLoopback(endpoint);
        String route = proxied ? "proxy" : endpoint != null && isLoopback(endpoint) ? "loopback" : "direct";
        return http.computeIfAbsent(route, r -> {
            if (proxied) {
                events.on(new Event.ProxyUsed(settings.proxy().toString()));
            }
            return new HttpClientBuiltAside(() -> apache(proxied, endpoint));
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
