package io.github.lambdainvocation.aws;

import io.github.lambdainvocation.LambdaInvocationException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * Finds the region of a call: the invocation's, then the plugin's, then the SDK's chain (the {@code aws.region}
 * system property, the {@code AWS_REGION} environment variable, the profile, instance metadata). When none has
 * one, the error lists every source that was tried.
 */
public final class RegionResolver {

    private final String pluginRegion;
    private final String profile;

    /** @param profile the configured profile; null for the default one */
    public RegionResolver(String pluginRegion, String profile) {
        this.pluginRegion = pluginRegion;
        this.profile = profile;
    }

    /**
     * @param specific a region set for this call only (an invocation's {@code <region>}); may be null
     * @param what what needs the region, for the message ("invocation 'seed-db'", "the state bucket")
     */
    public Region resolve(String specific, String what) {
        if (specific != null) {
            return Region.of(specific);
        }
        if (pluginRegion != null) {
            return Region.of(pluginRegion);
        }
        List<String> tried = new ArrayList<>();
        for (Source source : sdkChain()) {
            try {
                Region region = source.provider().getRegion();
                if (region != null) {
                    return region;
                }
            } catch (SdkClientException | IllegalStateException | IllegalArgumentException e) {
                // this source has none (an empty AWS_REGION is refused by Region.of): try the next, as the SDK's
                // own chain does
            }
            tried.add(source.name());
        }
        throw new LambdaInvocationException("No AWS region for " + what + ". Tried: its {{region}}, the plugin's {{region}}"
                + " ({{-region}}), " + String.join(", ", tried)
                + ". Set one of them.", true);
    }

    private record Source(String name, AwsRegionProvider provider) {}

    private List<Source> sdkChain() {
        String profileName = profile != null ? profile : ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow();
        List<Source> chain = new ArrayList<>();
        chain.add(new Source("the aws.region system property and the AWS_REGION environment variable",
                new SystemSettingsRegionProvider()));
        chain.add(new Source("the region of profile '" + profileName + "' in the AWS config file",
                new AwsProfileRegionProvider(null, profileName)));
        chain.add(new Source(metadataDisabled()
                ? "instance metadata (off: AWS_EC2_METADATA_DISABLED)"
                : "instance metadata (not on EC2, or not reachable)",
                metadataDisabled() ? () -> null : new InstanceProfileRegionProvider()));
        return chain;
    }

    private static boolean metadataDisabled() {
        String value = System.getProperty("aws.disableEc2Metadata", System.getenv("AWS_EC2_METADATA_DISABLED"));
        return "true".equalsIgnoreCase(value);
    }
}
