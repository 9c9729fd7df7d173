package io.github.lambdainvocation.testing;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 clients for tests, built like the plugin's (path-style for an endpoint, no Expect: 100-continue). */
public final class S3Clients {

    private S3Clients() {}

    /**
     * @param region the bucket's region; null for the SDK's region chain
     * @param endpoint an S3 endpoint override (addressed path-style); null for AWS
     * @param credentials null for the SDK's default chain
     * @param interceptors extra SDK interceptors (the request-counting benchmark uses one)
     */
    public static S3Client create(String region, URI endpoint, AwsCredentialsProvider credentials,
            List<ExecutionInterceptor> interceptors) {
        Region resolved;
        if (region != null) {
            resolved = Region.of(region);
        } else {
            resolved = new DefaultAwsRegionProviderChain().getRegion();
        }
        var builder = S3Client.builder()
                .region(resolved)
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build())
                // small JSON objects: Expect: 100-continue only costs a round trip (and upsets some emulators)
                .httpClientBuilder(ApacheHttpClient.builder().expectContinueEnabled(false))
                .overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor));
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        return builder.build();
    }
}
