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

    def log = new File(basedir, 'build.log').text
    def plan = log.replaceAll(/ {2,}/, ' ')
    assert plan.contains('-/+ bucket-setup replace (functionName, input): delete fn-a:$LATEST in us-east-1, then create fn-b:$LATEST in us-east-1')
    assert log.contains('Plan: 0 to create, 0 to update, 1 to replace, 0 to delete, 0 to forget, 0 unchanged; 2 Lambda invocations.')
    assert log.contains('Applied: 0 created, 0 updated, 1 replaced, 0 deleted, 0 forgotten, 0 unchanged (2 Lambda invocations).')

    def recorded = json.parse(new File(basedir, 'target/lambda-invocation/state.json')).invocations
    assert recorded.keySet() == ['bucket-setup'] as Set
    assert recorded['bucket-setup'].functionName == 'fn-b'
    assert recorded['bucket-setup'].input == newInput
    assert json.parseText(recorded['bucket-setup'].result) == newInput + [tf: [action: 'create', prev_input: null]]
} finally {
    lambda?.stop()
}
