import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    // only run 3 sent anything
    assert lambda.payloads('fn-seed').collect { new JsonSlurper().parseText(it) } ==
            [[rows: 10, tf: [action: 'create', prev_input: null]]]
    assert lambda.requests().size() == 1

    def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
    assert state.invocations.keySet() == ['seed'] as Set

    // runs 1 (offline), 3 and 4 (offline, nothing to invoke: it passed, as the invoker checked) planned
    def lines = new File(basedir, 'build.log').readLines()
    assert lines.findAll { it.startsWith('[INFO] Plan: ') } == [
            '[INFO] Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.',
            '[INFO] Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.',
            '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 0 Lambda invocations.']
} finally {
    lambda?.stop()
}
