import io.github.lambdainvocation.testing.S3ItHarness

try {
    // runs 1 and 2 stopped before any request (prebuild.3.groovy checked S3); no run called Lambda
    assert context.lambda.requests() == []
    assert !new File(basedir, 'target/lambda-invocation/state.json').exists()

    // each failure names what is wrong: the element, the value and the problem; then the missing bucket
    def failures = new File(basedir, 'build.log').readLines()
            .findAll { it.startsWith('Caused by: org.apache.maven.plugin.Mojo') }
    assert failures.size() == 3
    assert failures[0] == "Caused by: org.apache.maven.plugin.MojoFailureException: <stateS3Uri> 's3://Bad_Bucket/x'" +
            " is not a usable S3 URI: 'Bad_Bucket' is not a valid bucket name (3 to 63 lowercase letters, digits," +
            " '.' and '-') (for example s3://my-bucket/path/to/state.json)"
    assert failures[1] == "Caused by: org.apache.maven.plugin.MojoFailureException: <stateS3Uri> 's3://team-state/apps/'" +
            " is not a usable S3 URI: it names no object key: give the state object's full key, such as" +
            " s3://team-state/my-app/lambda-invocation.json (for example s3://my-bucket/path/to/state.json)"
    // (what S3 adds in words is the emulator's)
    assert failures[2].startsWith("Caused by: org.apache.maven.plugin.MojoFailureException: The bucket 'no-such-bucket'" +
            " of the state s3://no-such-bucket/team/state.json does not exist. Create it (versioning on is recommended)" +
            " or correct the bucket in the URI. (S3 said: NoSuchBucket, HTTP 404: ")
    // nothing was created anywhere in S3
    assert S3ItHarness.keys(context) == []
} finally {
    context.lambda?.stop()
    S3ItHarness.stop(context)
}
