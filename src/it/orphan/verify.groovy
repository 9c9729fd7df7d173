import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    def json = new JsonSlurper()
    def schema = [table: 'users']

    // CRUD: create in run 1, delete with the recorded input in run 2
    assert lambda.payloads('fn-crud').collect { json.parseText(it) } == [
            schema + [tf: [action: 'create', prev_input: null]],
            schema + [tf: [action: 'delete', prev_input: schema]]]
    // CREATE_ONLY: the one call of run 1; forgetting it calls nothing
    assert lambda.payloads('fn-once') == ['{"to": "ops@example.com"}']
    assert lambda.payloads('fn-new') == ['{"hello": "again"}']
    // run 1 creates both (independent, so in any order); in run 2 the removal comes before the configured one
    def functions = lambda.requests()*.function()
    assert functions.take(2) as Set == ['fn-crud', 'fn-once'] as Set
    assert functions.drop(2) == ['fn-crud', 'fn-new']

    def lines = new File(basedir, 'build.log').readLines()
    // run 2's plan, in the order it is applied
    def secondPlan = lines.findAll { it.startsWith('[INFO]  ') }*.replaceAll(/ {2,}/, ' ')
            .dropWhile { !it.contains(' (removed)') }.takeWhile { it =~ /^\[INFO\] [-x+] / }
    assert secondPlan == [
            '[INFO] - schema delete (removed): delete fn-crud:$LATEST in us-east-1',
            '[INFO] x welcome-mail forget (removed) CREATE_ONLY: forgotten without an invocation',
            '[INFO] + newcomer create (new): invoke fn-new:$LATEST in us-east-1']
    assert lines.findAll { it.startsWith('[INFO] Applied: ') } == [
            '[INFO] Applied: 2 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten, 0 unchanged (2 Lambda invocations).',
            '[INFO] Applied: 1 created, 0 updated, 0 replaced, 1 deleted, 1 forgotten, 0 unchanged (2 Lambda invocations).']

    // only the newcomer is left, in the state and among the result files
    def state = json.parse(new File(basedir, 'target/lambda-invocation/state.json'))
    assert state.invocations.keySet() == ['newcomer'] as Set
    def results = new File(basedir, 'target/lambda-invocation/results').list() as List
    assert results == ['newcomer.json']
} finally {
    lambda?.stop()
}
