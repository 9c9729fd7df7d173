import groovy.json.JsonSlurper

// a is recorded, b is not
def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.invocations.keySet() == ['a'] as Set
// what succeeded before the failure is published like any result
assert new File(basedir, 'target/lambda-invocation/results/a.json').exists()
assert !new File(basedir, 'target/lambda-invocation/results/b.json').exists()

// apply.json, written although the build failed: a done, b failed with the function's error
def report = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/apply.json'))
assert report.schemaVersion == 1 && report.goal == 'invoke'
assert report.state.endsWith('state.json')
def byId = report.changes.collectEntries { [(it.id): it] }
assert byId.keySet() == ['a', 'b'] as Set
assert byId.a.outcome == 'done' && byId.a.action == 'create' && byId.a.attempts == 1 && byId.a.error == null
assert byId.a.executedVersion == '\$LATEST' && byId.a.durationMs >= 0 && byId.a.start.endsWith('Z')
assert byId.b.outcome == 'failed' && byId.b.attempts == 1
assert byId.b.error.type == 'function-error' && byId.b.error.functionErrorType == 'MigrationError'
assert byId.b.error.message.contains('column "email" already exists')
assert report.summary == [done: 1, failed: 1, interrupted: 0, skipped: 0, attempts: 2]
def mode = java.nio.file.Files.getPosixFilePermissions(new File(basedir, 'target/lambda-invocation/apply.json').toPath())
assert java.nio.file.attribute.PosixFilePermissions.toString(mode) == 'rw-------'

// Maven's error block: the failure message, then the rest of its lines
def errors = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[ERROR] ') }
def failure = errors.find { it.startsWith('[ERROR] Failed to execute goal ') }
assert failure.endsWith(": Invocation 'b' (create) failed. The function fn-b:\$LATEST in us-east-1 failed" +
        ' (Unhandled error): MigrationError: column "email" already exists')
def rest = errors.subList(errors.indexOf(failure) + 1, errors.size())
// the log tail, line by line, then what happened to the state
assert rest.take(7) == [
        '[ERROR] Last lines of its log:',
        '[ERROR]   | START RequestId: local Version: $LATEST',
        '[ERROR]   | ERROR applying migration add-email',
        '[ERROR]   | Traceback: migrate.py line 42',
        '[ERROR]   | END RequestId: local',
        "[ERROR] The state of 'b' was not changed; the next run tries it again.",
        '[ERROR] Before the failure: 1 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten, 0 unchanged (1 Lambda invocation). Changes after it were not attempted.']
true
