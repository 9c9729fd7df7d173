import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    def json = new JsonSlurper()
    def oldInput = [bucket: 'b1', owner: 'team-x']
    def newInput = [bucket: 'b2', owner: 'team-x']

    // the old function gets its create, then the delete carrying what was recorded (not the new input)
    assert lambda.payloads('fn-a').collect { json.parseText(it) } == [
            oldInput + [tf: [action: 'create', prev_input: null]],
            oldInput + [tf: [action: 'delete', prev_input: oldInput]]]
    // the new function gets a create with the new input, as if nothing was recorded
    assert lambda.payloads('fn-b').collect { json.parseText(it) } == [
            newInput + [tf: [action: 'create', prev_input: null]]]
    // the delete goes out before the create
    assert lambda.requests()*.function() == ['fn-a', 'fn-a', 'fn-b']

    def lines = new File(basedir, 'build.log').readLines()
    def rows = lines.findAll { it.startsWith('[INFO]  ') || it.startsWith('[INFO] -/+ ') }*.replaceAll(/ {2,}/, ' ')
    assert '[INFO] -/+ bucket-setup replace (functionName, input): delete fn-a:$LATEST in us-east-1, then create fn-b:$LATEST in us-east-1' in rows
    assert lines.findAll { it.startsWith('[INFO] Applied: ') } == [
            '[INFO] Applied: 1 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten, 0 unchanged (1 Lambda invocation).',
            '[INFO] Applied: 0 created, 0 updated, 1 replaced, 0 deleted, 0 forgotten, 0 unchanged (2 Lambda invocations).']

    def recorded = json.parse(new File(basedir, 'target/lambda-invocation/state.json')).invocations
    assert recorded.keySet() == ['bucket-setup'] as Set
    assert recorded['bucket-setup'].functionName == 'fn-b'
    assert recorded['bucket-setup'].input == newInput
    assert json.parseText(recorded['bucket-setup'].result) == newInput + [tf: [action: 'create', prev_input: null]]
} finally {
    lambda?.stop()
}
