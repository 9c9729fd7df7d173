import groovy.json.JsonSlurper
import io.github.lambdainvocation.testing.S3ItHarness

def lambda = context.lambda
try {
    // Run 3, schema 8: the seed is replaced by one more call with the same file; the registry is left alone
    def json = new JsonSlurper()
    def seed = new File(basedir, 'src/deploy/seed.json').text
    assert lambda.payloads('data_processor') == [seed, seed]
    assert lambda.payloads('release_registry').size() == 1
    def run = new File(basedir, 'build.log').readLines().drop(context.logLinesBefore3)
    assert run.findAll { it.startsWith('[INFO] Plan: ') } == ['[INFO] Plan: 0 to create, 0 to update, 1 to replace,' +
            ' 0 to delete, 0 to forget, 1 unchanged; 1 Lambda invocation.']
    def state = json.parseText(S3ItHarness.text(context, 'com.example.shop/shop-deploy/state.json'))
    assert state.invocations.'seed-reference-data'.triggers == [schema: '8']
    assert S3ItHarness.keys(context) == ['com.example.shop/shop-deploy/state.json']
    true
} finally {
    lambda?.stop()
    S3ItHarness.stop(context)
}
