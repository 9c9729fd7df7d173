package io.github.lambdainvocation.testing;

import java.io.IOException;
import java.util.Map;

/**
 * Glue for the invoker ITs' Groovy hooks (src/it): starts a {@link LocalLambdaServer} for one IT, hands it to
 * the later hooks through the invoker's shared {@code context}, and points the IT's Maven builds at it.
 */
public final class ItHarness {

    private ItHarness() {}

    /**
     * Starts an endpoint with {@code functions}, stores it as {@code context.lambda} and sets the user property
     * {@code lambda-invocation.endpointUrl} for every Maven invocation of the IT. Returns nothing: a pre-build
     * hook must not end with a value other than true.
     */
    @SuppressWarnings("unchecked")
    public static void start(Map<String, Object> context, String... functions) throws IOException {
        LocalLambdaServer server = LocalLambdaServer.start().function(functions);
        context.put("lambda", server);
        ((Map<Object, Object>) context.get("userProperties"))
                .put("lambda-invocation.endpointUrl", server.endpoint());
    }
}
