package io.github.lambdainvocation.aws;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.config.SettingValues;
import java.net.URI;
import java.time.Duration;

/**
 * How the build reaches AWS.
 *
 * @param region the plugin's region; null to let invocations or the SDK's chain decide
 * @param endpoint an endpoint for every AWS service (a local emulator); null for AWS
 * @param lambdaEndpoint a Lambda endpoint, winning over {@code endpoint}
 * @param s3Endpoint an S3 endpoint, winning over {@code endpoint}
 * @param stsEndpoint an STS endpoint, winning over {@code endpoint}
 * @param credentials where credentials come from
 * @param proxy Maven's active proxy; null for none
 */
public record AwsSettings(
        String region,
        URI endpoint,
        URI lambdaEndpoint,
        URI s3Endpoint,
        URI stsEndpoint,
        CredentialsSettings credentials,
        ProxySettings proxy) {

    /** The endpoint of {@code service}, or null for AWS's own. */
    public URI endpointOf(Service service) {
        URI specific = switch (service) {
            case LAMBDA -> lambdaEndpoint;
            case S3 -> s3Endpoint;
            case STS -> stsEndpoint;
        };
        return specific != null ? specific : endpoint;
    }

    /** The AWS services the plugin calls. */
    public enum Service {
        LAMBDA,
        S3,
        STS
    }

    /**
     * Where credentials come from. With none of them set, the SDK's default chain decides (environment, system
     * properties, web identity, the default profile including SSO and assume-role profiles, container and
     * instance credentials).
     *
     * @param profile a named profile of the AWS config and credentials files
     * @param staticKeys keys from a settings.xml {@code <server>}; null when none
     * @param role a role to assume with the credentials above; null for none
     */
    public record CredentialsSettings(String profile, StaticKeys staticKeys, RoleSettings role) {
        public static final CredentialsSettings DEFAULT_CHAIN = new CredentialsSettings(null, null, null);
    }

    /**
     * An access key pair, and where it came from (for messages: the pair itself is never printed).
     *
     * @param source for example "the settings.xml server 'aws-deploy'"
     */
    public record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken, String source) {
        @Override
        public String toString() {
            return "keys from " + source;
        }
    }

    /**
     * A role to assume, refreshed before its credentials expire.
     *
     * @param arn the role's ARN
     * @param externalId the external id the role's trust policy asks for; may be null
     * @param sessionName the session name CloudTrail shows
     * @param duration how long each set of credentials lasts
     */
    public record RoleSettings(String arn, String externalId, String sessionName, Duration duration) {

        /**
         * The role of the plugin's {@code roleArn} settings, checked; null when no role is set.
         *
         * @param sessionName null for {@code lambda-invocation-<user>}
         * @param duration as written: {@code 15m} to {@code 12h}
         */
        public static RoleSettings of(String arn, String externalId, String sessionName, String duration) {
            String role = SettingValues.blankToNull(arn);
            if (role == null) {
                return null;
            }
            if (!SettingValues.ROLE_ARN.matcher(role).matches()) {
                throw new ConfigurationException("{{roleArn}} '" + role + "' is not a role ARN"
                        + " (arn:aws:iam::ACCOUNT-ID:role/ROLE-NAME)");
            }
            Duration lasts = SettingValues.duration("roleDuration", duration);
            if (lasts.compareTo(Duration.ofMinutes(15)) < 0 || lasts.compareTo(Duration.ofHours(12)) > 0) {
                throw new ConfigurationException("{{roleDuration}} '" + duration + "' must be from 15m to 12h");
            }
            String session = SettingValues.blankToNull(sessionName);
            if (session == null) {
                session = ("lambda-invocation-" + System.getProperty("user.name", "maven"))
                        .replaceAll("[^\\w+=,.@-]", "-");
                session = session.substring(0, Math.min(64, session.length()));
            }
            return new RoleSettings(role, SettingValues.blankToNull(externalId), session, lasts);
        }
    }

    /**
     * Maven's active proxy from settings.xml.
     *
     * @param protocol http or https (how to talk to the proxy)
     * @param nonProxyHosts Maven's pattern list, for example {@code localhost|*.internal}
     */
    public record ProxySettings(String protocol, String host, int port, String username, String password,
            String nonProxyHosts) {
        @Override
        public String toString() {
            return protocol + "://" + host + ":" + port + (username == null ? "" : " as " + username);
        }
    }
}
