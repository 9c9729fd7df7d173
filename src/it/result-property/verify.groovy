import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    def json = new JsonSlurper()
    def token = [token: 't-42', expires: 3600]

    // each function ran once: the second run changed nothing
    assert lambda.payloads('token-issuer') == ['{"request": "token"}']
    def consumed = lambda.payloads('token-consumer').collect { json.parseText(it) }
    assert consumed == [[issued: token, tf: [action: 'create', prev_input: null]]]

    // the consumer's recorded input holds the issuer's result
    def consumerState = json.parse(new File(basedir, 'target/lambda-invocation/consumer-state.json'))
    assert consumerState.invocations.keySet() == ['second'] as Set
    assert consumerState.invocations.second.input == [issued: token]
    def issuerState = json.parse(new File(basedir, 'target/lambda-invocation/issuer-state.json'))
    assert issuerState.invocations.keySet() == ['first'] as Set
    assert issuerState.invocations.first.result == '{"token":"t-42","expires":3600}'

    // each of the four executions ends with its one-line summary: what follows is Maven's, not ours
    def lines = new File(basedir, 'build.log').readLines()
    def afterSummary = lines.findIndexValues { it.startsWith('[INFO] Applied: ') }.collect { lines[(int) it + 1] }
    assert afterSummary.size() == 4
    assert afterSummary.every { it ==~ /\[INFO\] *(-{3,}.*)?/ }

    // both executions share target/lambda-invocation/results: each result file must survive the other execution
    def results = new File(basedir, 'target/lambda-invocation/results')
    def firstResult = new File(results, 'first.json')
    def secondResult = new File(results, 'second.json')
    assert firstResult.isFile() && secondResult.isFile()
    assert firstResult.text == '{"token":"t-42","expires":3600}'
    assert json.parse(secondResult) == [issued: token, tf: [action: 'create', prev_input: null]]
} finally {
    lambda?.stop()
}
