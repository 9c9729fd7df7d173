import groovy.json.JsonSlurper

// Run 4: replaced (CRUD: delete with the recorded input, then create); the state records the new code
def json = new JsonSlurper()
def input = [schema: 'billing']
def sent = context.lambda.payloads('migrator').drop(2).collect { json.parseText(it) }
assert sent == [input + [tf: [action: 'delete', prev_input: input]], input + [tf: [action: 'create', prev_input: null]]]
def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter3)
assert run.contains(context.replaceLine)
assert run.contains('[INFO] Applied: 0 created, 0 updated, 1 replaced, 0 deleted, 0 forgotten, 1 unchanged'
        + ' (2 Lambda invocations).')
def state = json.parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.invocations.migrate.code == [sha256: 'sha-2', version: '4']
assert state.invocations.plain.code == null
true
