package io.github.lambdainvocation.mojo;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.aws.AwsSettings;
import io.github.lambdainvocation.config.SettingValues;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** What settings.xml gives the plugin: a server's access keys and the active proxy, decrypted the Maven way. */
final class MavenSettings {

    private final Settings settings;
    private final SettingsDecrypter decrypter;

    MavenSettings(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /** The access key pair of the settings.xml server {@code serverId}, decrypted the Maven way. */
    AwsSettings.StaticKeys serverKeys(String serverId) {
        String id = SettingValues.blankToNull(serverId);
        if (id == null) {
            return null;
        }
        Server server = settings.getServer(id);
        if (server == null) {
            throw new ConfigurationException("<serverId> '" + id + "' names no <server> in Maven's settings.xml."
                    + " Add one whose <username> is the AWS access key id and <password> the secret access key.");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        problems(result, "<server> '" + id + "'");
        Server plain = result.getServer();
        if (SettingValues.blankToNull(plain.getUsername()) == null || SettingValues.blankToNull(plain.getPassword()) == null) {
            throw new ConfigurationException("The settings.xml <server> '" + id + "' needs a <username> (the AWS"
                    + " access key id) and a <password> (the secret access key).");
        }
        return new AwsSettings.StaticKeys(plain.getUsername().trim(), plain.getPassword().trim(), null,
                "the settings.xml server '" + id + "'");
    }

    /** Maven's active proxy, its password decrypted. */
    AwsSettings.ProxySettings proxy() {
        Proxy active = settings.getActiveProxy();
        if (active == null) {
            return null;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(active));
        problems(result, "<proxy> '" + active.getId() + "'");
        Proxy plain = result.getProxy();
        return new AwsSettings.ProxySettings(plain.getProtocol() == null ? "http" : plain.getProtocol(),
                plain.getHost(), plain.getPort(), SettingValues.blankToNull(plain.getUsername()), SettingValues.blankToNull(plain.getPassword()),
                plain.getNonProxyHosts());
    }

    private static void problems(SettingsDecryptionResult result, String what) {
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new ConfigurationException("The settings.xml " + what + " could not be decrypted: "
                        + problem.getMessage() + " (see settings-security.xml and mvn --encrypt-password).");
            }
        }
    }
}
