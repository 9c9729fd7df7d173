import io.github.lambdainvocation.testing.S3ItHarness

// Run 2, a fresh machine: the state in S3 knows both invocations, so nothing is sent and nothing is written
assert context.lambda.requests().size() == context.requestsBefore2
def plans = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[INFO] Plan: ') }
assert plans.last() == '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 2 unchanged;' +
        ' 0 Lambda invocations.'
assert S3ItHarness.etag(context, 'com.example.shop/shop-deploy/state.json') == context.etagAfter1
// later steps of the pipeline still find the results, read from the state
assert new File(basedir, 'target/lambda-invocation/results/register-release.json').isFile()
true
