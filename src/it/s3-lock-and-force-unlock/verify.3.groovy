import io.github.lambdainvocation.testing.S3ItHarness

// a wrong id removes nothing, and says whose lock it is
def lines = new File(basedir, 'build.log').readLines()
assert lines.findAll { it.startsWith('[ERROR] Failed to execute goal ') }.last()
        .contains(':force-unlock (default-cli) on project s3-lock-and-force-unlock: ')
assert lines.findAll { it.startsWith('Caused by: org.apache.maven.plugin.Mojo') }.last() == ('Caused by: org.apache.maven.plugin.MojoFailureException:'
        + ' The lock of s3://s3-lock-and-force-unlock/team/state.json has the id dead-beef,'
        + ' not not-dead-beef; it was left in place. It is held by ci@died (invoke of x:y, plugin 0.0.1)'
        + ' since 2026-01-02T03:04:05Z.')
assert S3ItHarness.keys(context) == ['team/state.json.lock']
assert S3ItHarness.text(context, 'team/state.json.lock') == context.lock
true
