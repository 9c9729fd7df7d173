import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    def json = new JsonSlurper()

    // a ran once (run 1); run 2 only retried b
    assert lambda.payloads('fn-a') == ['{"step": 1}']
    // b: the failed create, then the same create again
    def b = lambda.payloads('fn-b')
    assert b.size() == 2
    assert b[1] == b[0]
    assert json.parseText(b[0]) == [step: 2, migration: 'add-email', tf: [action: 'create', prev_input: null]]
    // a and b are independent, so they run side by side: the order across functions is free
    assert lambda.requests().findAll { it.function() == 'fn-b' }*.reply() == ['function-error:Unhandled', 'echo']
    assert lambda.requests().findAll { it.function() == 'fn-a' }*.reply() == ['echo']

    def lines = new File(basedir, 'build.log').readLines()
    assert lines.findAll { it.startsWith('[INFO] Plan: ') } == [
            '[INFO] Plan: 2 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged; 2 Lambda invocations.',
            '[INFO] Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 1 Lambda invocation.']

    // apply.json of run 2: a unchanged, b created
    def report = json.parse(new File(basedir, 'target/lambda-invocation/apply.json'))
    assert report.changes.collect { [it.id, it.action, it.outcome, it.attempts] } ==
            [['a', 'no-op', 'done', 0], ['b', 'create', 'done', 1]]

    def state = json.parse(new File(basedir, 'target/lambda-invocation/state.json'))
    assert state.invocations.keySet() == ['a', 'b'] as Set
    assert json.parseText(state.invocations.b.result) == [step: 2, migration: 'add-email', tf: [action: 'create', prev_input: null]]
} finally {
    lambda?.stop()
}
