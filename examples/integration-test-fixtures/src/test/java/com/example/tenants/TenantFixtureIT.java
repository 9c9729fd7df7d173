package com.example.tenants;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs against the tenant that the fixtures-up execution created in pre-integration-test. */
class TenantFixtureIT {

    @Test
    void runsAgainstTheFixtureTenant() throws IOException {
        // an output of the invocation, handed over as a system property by failsafe's configuration
        String tenantId = System.getProperty("fixture.tenantId");
        assertTrue(tenantId != null && !tenantId.isBlank() && !tenantId.startsWith("${"),
                "no tenant was created before the integration tests: fixture.tenantId is " + tenantId);

        // the function's whole answer, as the plugin wrote it
        String result = Files.readString(Path.of(System.getProperty("fixture.tenantResult")));
        assertTrue(result.contains("\"" + tenantId + "\""), "the result does not name the tenant: " + result);

        System.out.println("Testing against tenant " + tenantId + " at " + TenantPaths.home(tenantId));
    }
}
