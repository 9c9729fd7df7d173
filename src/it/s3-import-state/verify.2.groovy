import io.github.lambdainvocation.testing.S3ItHarness

// the S3 object is the local state, byte for byte; the lock is gone; the source is as it was
assert S3ItHarness.keys(context) == ['team/state.json']
assert S3ItHarness.bytes(context, 'team/state.json') == context.localState
def local = new File(basedir, 'target/lambda-invocation/state.json')
assert local.bytes == context.localState

def lines = new File(basedir, 'build.log').readLines()
assert lines.contains('[INFO] Imported 1 recorded invocation(s) from ' + local.canonicalPath
        + ' into s3://s3-import-state/team/state.json. The source was left as it was; remove it once builds use'
        + ' the new location.')
// importing invokes nothing
assert context.lambda.requests().size() == 1
context.importedEtag = S3ItHarness.etag(context, 'team/state.json')
true
