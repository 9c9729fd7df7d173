import io.github.lambdainvocation.testing.S3ItHarness

// the run released its lock: the state object is all there is in the bucket
assert !S3ItHarness.exists(context, 'team/state.json.lock')
assert S3ItHarness.keys(context) == ['team/state.json']
// and no local state file (nor its lock file) was written
assert !new File(basedir, 'target/lambda-invocation/state.json').exists()
assert !new File(basedir, 'target/lambda-invocation/state.json.lock').exists()
true
