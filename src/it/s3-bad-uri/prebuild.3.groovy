import io.github.lambdainvocation.testing.S3ItHarness

// nothing reached the recorder in runs 1 and 2; from now on the S3 endpoint is a real one, without the bucket
assert context.s3Requests == []
S3ItHarness.start(context, 's3-bad-uri')
true
