package io.github.lambdainvocation.model;

import java.time.Duration;

/** The defaults and limits every package shares. */
public final class Defaults {

    /** The key CRUD adds to the input, as in Terraform. */
    public static final String TERRAFORM_KEY = "tf";

    /** How long a call waits for its answer: Lambda's 15-minute limit plus a margin for the network. */
    public static final Duration CALL_TIMEOUT = Duration.ofMinutes(15).plusSeconds(30);

    /** The longest wait a user may configure: a longer one could only wait for nothing. */
    public static final Duration MAX_CALL_TIMEOUT = Duration.ofMinutes(16);

    /** Lambda's limit for a synchronous (RequestResponse) request payload: 6 MB. */
    public static final int MAX_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;

    private Defaults() {}
}
