import io.github.lambdainvocation.testing.S3ItHarness

try {
    // both builds stopped before any request: not to S3, not to Lambda
    assert context.s3Requests == []
    assert context.lambda.requests() == []
    assert !new File(basedir, 'target/lambda-invocation/state.json').exists()

    // each failure names the element, the value and what is wrong with it
    def failures = new File(basedir, 'build.log').readLines()
            .findAll { it.startsWith('Caused by: org.apache.maven.plugin.Mojo') }
    assert failures == [
            "Caused by: org.apache.maven.plugin.MojoFailureException: <stateS3Uri> 's3://Bad_Bucket/x' is not a"
                    + " usable S3 URI: 'Bad_Bucket' is not a valid bucket name (3 to 63 lowercase letters, digits,"
                    + " '.' and '-') (for example s3://my-bucket/path/to/state.json)",
            "Caused by: org.apache.maven.plugin.MojoFailureException: <stateS3Uri> 's3://team-state/apps/' is not a"
                    + " usable S3 URI: it names no object key: give the state object's full key, such as"
                    + " s3://team-state/my-app/lambda-invocation.json (for example s3://my-bucket/path/to/state.json)"]
} finally {
    context.lambda?.stop()
    S3ItHarness.stop(context)
}
