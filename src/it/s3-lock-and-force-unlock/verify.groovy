import groovy.json.JsonSlurper
import io.github.lambdainvocation.testing.S3ItHarness

def lambda = context.lambda
try {
    def json = new JsonSlurper()

    // only the invoke after force-unlock reached the function, once (the one that waited had nothing to do)
    assert lambda.payloads('fn-seed') == ['{"rows": 3}']
    assert lambda.requests().size() == 1

    // the state in S3 is what run 5 recorded; every lock is gone
    assert S3ItHarness.keys(context) == ['team/state.json']
    def state = json.parseText(S3ItHarness.text(context, 'team/state.json'))
    assert state.invocations.keySet() == ['seed'] as Set
    assert json.parseText(state.invocations.seed.result) == [rows: 3]

    def lines = new File(basedir, 'build.log').readLines()
    assert lines.findAll { it.startsWith('[INFO] Applied: ') } == [
            '[INFO] Applied: 1 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten, 0 unchanged (1 Lambda invocation).',
            '[INFO] Applied: 0 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten, 1 unchanged (0 Lambda invocations).']
} finally {
    lambda?.stop()
    S3ItHarness.stop(context)
}
