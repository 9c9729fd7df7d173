package io.github.lambdainvocation.model;

import java.util.Objects;

/**
 * How an invocation reaches AWS when it says so itself: its own credentials (a profile, a settings.xml server,
 * a role to assume) and its own Lambda endpoint. Only what the invocation names is here; what it leaves unset
 * falls back to the plugin's settings, which are not recorded, so a change of the plugin's defaults replaces
 * nothing.
 *
 * @param profile a named AWS profile; null to fall back
 * @param serverId the id of a settings.xml server holding access keys; null to fall back
 * @param roleArn a role to assume; null to fall back to the plugin's role, if any
 * @param roleExternalId the external id for {@code roleArn}; null for none
 * @param endpointUrl the Lambda endpoint of its calls; null to fall back
 */
public record Access(String profile, String serverId, String roleArn, String roleExternalId, String endpointUrl) {

    /** The access that names {@code these}, or null when it names nothing (the plugin's settings decide). */
    public static Access of(String profile, String serverId, String roleArn, String roleExternalId,
            String endpointUrl) {
        Access access = new Access(profile, serverId, roleArn, roleExternalId, endpointUrl);
        return access.namesCredentials() || endpointUrl != null ? access : null;
    }

    /**
     * Written out rather than generated: a record's own {@code equals} is linked through method handles the first
     * time it runs, some 20 ms of a cold JVM, and a run with nothing to invoke compares the access of each
     * invocation with the recorded one.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Access a && Objects.equals(profile, a.profile) && Objects.equals(serverId, a.serverId)
                && Objects.equals(roleArn, a.roleArn) && Objects.equals(roleExternalId, a.roleExternalId)
                && Objects.equals(endpointUrl, a.endpointUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, serverId, roleArn, roleExternalId, endpointUrl);
    }

    /** Whether it names credentials of its own (a profile, a server or a role). */
    public boolean namesCredentials() {
        return profile != null || serverId != null || roleArn != null;
    }

    /** Where the calls go, for the plan and messages: the role, or the profile, or the server; never a key. */
    public String describe() {
        String who = roleArn != null ? "role " + roleArn
                : profile != null ? "profile " + profile
                : serverId != null ? "server " + serverId
                : null;
        String at = endpointUrl == null ? null : "at " + endpointUrl;
        return who == null ? at : at == null ? who : who + " " + at;
    }
}
