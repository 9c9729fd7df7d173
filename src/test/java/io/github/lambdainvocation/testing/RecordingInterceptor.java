package io.github.lambdainvocation.testing;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Records every HTTP request an SDK client sends (each attempt), as it goes on the wire. */
public final class RecordingInterceptor implements ExecutionInterceptor {

    private final List<SdkHttpRequest> requests = new ArrayList<>();

    @Override
    public synchronized void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        requests.add(context.httpRequest());
    }

    public synchronized List<SdkHttpRequest> requests() {
        return List.copyOf(requests);
    }

    /** "PUT state.json.lock", "GET state.json", ... */
    public synchronized List<String> summary() {
        return requests.stream().map(r -> r.method() + " " + r.encodedPath().replaceFirst("^/[^/]+/", "")).toList();
    }

    public synchronized void clear() {
        requests.clear();
    }
}
