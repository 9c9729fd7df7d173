import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    def json = new JsonSlurper()
    // Run 4, plain invoke: x has nothing to do (the replace request was for run 3 only); warm runs a third time
    assert lambda.payloads('fn-x').size() == 3
    assert lambda.payloads('warmer') == ['{ "ping" : true }'] * 3
    lambda.events('warmer').each { assert it.invocationType() == 'RequestResponse' }
    def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter3)
    assert run.contains('[INFO]     x     no-op')
    assert run.contains('[INFO] Applied: 0 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten, 1 refreshed,'
            + ' 1 unchanged (1 Lambda invocation).')

    // Run 5: a replace id that is not configured fails naming it, before any call
    assert lambda.requests().size() == 6
    def failure = run.find { it.startsWith('[ERROR] Failed to execute goal ') }
    assert failure.endsWith(': -Dlambda-invocation.replace names [wram], which is not configured.'
            + ' Configured ids: [x, warm]')

    // the state holds warm's latest result and input as written; EVERY_RUN has no lifecycle key to record
    def state = json.parse(new File(basedir, 'target/lambda-invocation/state.json'))
    assert state.invocations.warm.lifecycleScope == 'EVERY_RUN'
    assert state.invocations.warm.result == '{"warmed": 3}'
    assert state.invocations.warm.input == [ping: true]
    assert new File(basedir, 'target/lambda-invocation/results/warm.json').text == '{"warmed": 3}'
} finally {
    lambda?.stop()
}
true
