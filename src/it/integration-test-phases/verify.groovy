import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    def json = new JsonSlurper()
    def input = [dataset: 'customers', rows: 100]

    // one build: create before the integration tests, delete after them
    assert lambda.payloads('fixture-loader').collect { json.parseText(it) } == [
            input + [tf: [action: 'create', prev_input: null]],
            input + [tf: [action: 'delete', prev_input: input]]]

    def log = new File(basedir, 'build.log').text
    def invoke = log.indexOf('invoke (load-fixture) @ integration-test-phases')
    def destroy = log.indexOf('destroy (unload-fixture) @ integration-test-phases')
    assert invoke >= 0 && destroy > invoke

    // the fixture is gone again: nothing recorded, no result left behind
    def state = json.parse(new File(basedir, 'target/lambda-invocation/state.json'))
    assert state.invocations == [:]
    assert !new File(basedir, 'target/lambda-invocation/results/test-fixture.json').exists()
} finally {
    lambda?.stop()
}
