import io.github.lambdainvocation.testing.S3ItHarness

// without stateS3Uri the state is the local file, and S3 is not touched
def local = new File(basedir, 'target/lambda-invocation/state.json')
assert local.exists()
assert S3ItHarness.keys(context) == []
context.localState = local.bytes
true
