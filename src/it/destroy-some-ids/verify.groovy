import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    def json = new JsonSlurper()
    def events = lambda.payloads('fixtures').collect { json.parseText(it) }
    // run 1: a, b (CRUD create), c (verbatim), independent so in any order; run 2: b deleted, c forgotten
    // without a call; run 3: refused before any call; run 4: a deleted
    assert events.take(3) as Set == [
            [fixture: 'a', tf: [action: 'create', prev_input: null]],
            [fixture: 'b', tf: [action: 'create', prev_input: null]],
            [fixture: 'c']] as Set
    assert events.drop(3) == [
            [fixture: 'b', tf: [action: 'delete', prev_input: [fixture: 'b']]],
            [fixture: 'a', tf: [action: 'delete', prev_input: [fixture: 'a']]]]
    def state = json.parse(new File(basedir, 'target/lambda-invocation/state.json'))
    assert state.invocations == [:]
} finally {
    lambda?.stop()
}
