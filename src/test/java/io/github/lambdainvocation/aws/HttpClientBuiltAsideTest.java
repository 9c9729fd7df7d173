package io.github.lambdainvocation.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

class HttpClientBuiltAsideTest {

    @Test
    void buildsOnAThreadOfItsOwnWhileTheCallerGoesOn() throws Exception {
        CountDownLatch callerWentOn = new CountDownLatch(1);
        AtomicReference<Thread> builtOn = new AtomicReference<>();
        FakeClient fake = new FakeClient();
        HttpClientBuiltAside aside = new HttpClientBuiltAside(() -> {
            builtOn.set(Thread.currentThread());
            await(callerWentOn);
            return fake;
        });

        // the constructor returned while the build still waits for this thread: it did not build on this thread
        callerWentOn.countDown();
        assertThat(aside.built()).isSameAs(fake);
        assertThat(builtOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(builtOn.get().isDaemon()).isTrue();
        assertThat(aside.clientName()).isEqualTo("Apache");
    }

    @Test
    void aClientThatCannotBeBuiltFailsWhereItIsAskedForAndHasNothingToClose() {
        HttpClientBuiltAside aside = new HttpClientBuiltAside(() -> {
            throw new IllegalArgumentException("bad proxy");
        });

        assertThatThrownBy(aside::built).isInstanceOf(IllegalArgumentException.class).hasMessage("bad proxy");
        assertThatThrownBy(() -> aside.prepareRequest(null)).isInstanceOf(IllegalArgumentException.class);
        aside.close(); // does not throw: the failure was reported where the client was asked for
    }

    @Test
    void closingClosesTheBuiltClientAndRequestsGoToIt() {
        FakeClient fake = new FakeClient();
        HttpClientBuiltAside aside = new HttpClientBuiltAside(() -> fake);

        assertThat(aside.prepareRequest(null)).isNull();
        assertThat(fake.requests).isTrue();
        aside.close();
        assertThat(fake.closed).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the caller never went on: the build ran on the caller's thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static final class FakeClient implements SdkHttpClient {
        volatile boolean closed;
        volatile boolean requests;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests = true;
            return null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
