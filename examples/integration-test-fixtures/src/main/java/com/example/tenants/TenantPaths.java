package com.example.tenants;

/** Where a tenant's resources live in the service's API. */
public final class TenantPaths {

    private TenantPaths() {}

    /** The path of a tenant's home resource. */
    public static String home(String tenantId) {
        return "/tenants/" + tenantId + "/home";
    }
}
