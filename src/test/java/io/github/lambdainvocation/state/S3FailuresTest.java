package io.github.lambdainvocation.state;

import io.github.lambdainvocation.model.State;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.testing.LocalS3;
import io.github.lambdainvocation.testing.S3Clients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the user reads when S3 refuses: a fake S3 on 127.0.0.1 answers every request with one canned error. */
class S3FailuresTest {

    private HttpServer server;
    private volatile int status;
    private volatile String code;
    private volatile String message;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                    + message + "</Message><RequestId>r1</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(status, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
            if (!"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    private S3StateStore store() {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new S3StateStore(S3Clients.create("eu-west-1", endpoint, LocalS3.CREDENTIALS, List.of()),
                new S3StateStore.Settings(new S3Location("team-state", "shop/state.json"), null, null,
                        Duration.ZERO, Duration.ofMillis(10)),
                new LockInfo(null, "ci@x", "invoke", "g:a", "0.1.0", null), io.github.lambdainvocation.event.Listener.NONE, Clock.systemUTC(), true);
    }

    @Test
    void aMissingBucketIsNamed() {
        answer(404, "NoSuchBucket", "The specified bucket does not exist");
        try (S3StateStore store = store()) {
            assertThatThrownBy(store::read)
                    .isInstanceOfSatisfying(StateException.class, e -> assertThat(e.userFixable()).isTrue())
                    .hasMessageStartingWith("The bucket 'team-state' of the state s3://team-state/shop/state.json"
                            + " does not exist.")
                    .hasMessageContaining("NoSuchBucket, HTTP 404");
        }
    }

    @Test
    void accessDeniedNamesThePermissionAndTheKey() {
        answer(403, "AccessDenied", "Access Denied");
        try (S3StateStore store = store()) {
            assertThatThrownBy(store::read).hasMessageStartingWith(
                    "Access denied: the credentials need s3:GetObject on arn:aws:s3:::team-state/shop/state.json"
                            + " (and s3:ListBucket on arn:aws:s3:::team-state, without which S3 answers 'access"
                            + " denied' for an object that does not exist yet).");
            assertThatThrownBy(store::lock).hasMessageStartingWith(
                    "Access denied: the credentials need s3:PutObject on arn:aws:s3:::team-state/shop/state.json.lock.");
            assertThatThrownBy(() -> store.write(State.empty())).hasMessageStartingWith(
                    "Access denied: the credentials need s3:PutObject on arn:aws:s3:::team-state/shop/state.json.");
        }
    }

    @Test
    void aKmsRefusalSaysWhichKmsPermissionsAreNeeded() {
        answer(403, "AccessDenied", "User: arn:aws:iam::1:user/ci is not authorized to perform: kms:GenerateDataKey");
        try (S3StateStore store = store()) {
            assertThatThrownBy(() -> store.write(State.empty()))
                    .hasMessageStartingWith("KMS refused the key of the state s3://team-state/shop/state.json: the"
                            + " credentials need kms:GenerateDataKey (to write) and kms:Decrypt (to read)");
        }
        answer(400, "KMS.DisabledException", "arn:aws:kms:eu-west-1:1:key/k is disabled.");
        try (S3StateStore store = store()) {
            assertThatThrownBy(store::read).hasMessageStartingWith("KMS refused the key");
        }
    }

    @Test
    void aBucketInAnotherRegionSaysWhichPropertyToSet() {
        answer(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed using the"
                + " specified endpoint.");
        try (S3StateStore store = store()) {
            assertThatThrownBy(store::read).hasMessageStartingWith("The bucket 'team-state' is in another region:"
                    + " set -Dlambda-invocation.stateS3Region");
        }
    }

    @Test
    void malformedUrisAreRefusedNamingTheElement() {
        assertThat(S3Location.parse("s3://team-state/shop/state.json", "<stateS3Uri>"))
                .isEqualTo(new S3Location("team-state", "shop/state.json"));
        for (String[] bad : new String[][] {
                {"https://team-state/x.json", "it must start with s3://"},
                {"s3://Team_State/x.json", "'Team_State' is not a valid bucket name"},
                {"s3://team-state", "it names no object key"},
                {"s3://team-state/dir/", "it names no object key"},
                {"s3://team-state//x.json", "has an empty path segment"}}) {
            assertThatThrownBy(() -> S3Location.parse(bad[0], "<stateS3Uri>"))
                    .as(bad[0])
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("<stateS3Uri> '" + bad[0] + "' is not a usable S3 URI: ")
                    .hasMessageContaining(bad[1]);
        }
    }
}
