import io.github.lambdainvocation.testing.S3ItHarness

// the second import is refused and changes nothing: same object (same ETag), no lock left behind, the
// source as prebuild.3.groovy left it
def lines = new File(basedir, 'build.log').readLines()
assert lines.findAll { it.startsWith('[ERROR] Failed to execute goal ') }.last()
        .contains(':import-state (default-cli) on project s3-import-state: ')
assert lines.findAll { it.startsWith('Caused by: org.apache.maven.plugin.Mojo') }.last() ==
        ('Caused by: org.apache.maven.plugin.MojoFailureException: A state already exists at'
        + ' s3://s3-import-state/team/state.json; importing would overwrite it, so nothing was copied.'
        + ' Remove it first if it is the one to replace.')
assert S3ItHarness.keys(context) == ['team/state.json']
assert S3ItHarness.etag(context, 'team/state.json') == context.importedEtag
assert S3ItHarness.bytes(context, 'team/state.json') == context.localState
assert new File(basedir, 'target/lambda-invocation/state.json').bytes == context.changedSource
true
