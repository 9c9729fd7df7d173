import groovy.json.JsonSlurper

// a is recorded, b is not
def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.invocations.keySet() == ['a'] as Set

def log = new File(basedir, 'build.log').text
assert log.contains("Invocation 'b' (create, create call) failed.")
assert log.contains('The function fn-b:$LATEST in us-east-1 failed (Unhandled error): MigrationError: column "email" already exists')
// the log tail, line by line
assert log.contains('  | ERROR applying migration add-email')
assert log.contains('  | Traceback: migrate.py line 42')
assert log.contains("The state of 'b' was not changed; the next run tries it again.")
assert log.contains('Before the failure: 1 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten, 0 unchanged (1 Lambda invocation).')
true
