import io.github.lambdainvocation.testing.S3ItHarness

context.releaser.join()
// invoke said whom it waits for and how long, then went on once the lock was released
def lines = new File(basedir, 'build.log').readLines()
def run6 = lines.drop(lines.findLastIndexOf { it.contains(':invoke (default-cli)') })
assert run6.contains('[INFO] The state s3://s3-lock-and-force-unlock/team/state.json is locked by alice@laptop'
        + ' (destroy of x:y, plugin 0.0.1) since 2026-01-02T03:04:05Z, lock id live-1; waiting up to 60 s.')
assert run6.contains('[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged;'
        + ' 0 Lambda invocations.')
// it took its own lock after alice's, and released it too
assert S3ItHarness.keys(context) == ['team/state.json']
true
