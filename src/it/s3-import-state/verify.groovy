import groovy.json.JsonSlurper
import io.github.lambdainvocation.testing.S3ItHarness

def lambda = context.lambda
try {
    def json = new JsonSlurper()

    // the function received the first create only: the invoke against S3 found the imported state
    assert lambda.payloads('fn-tenant').collect { json.parseText(it) } ==
            [[plan: 'basic', tf: [action: 'create', prev_input: null]]]
    def lines = new File(basedir, 'build.log').readLines()
    assert lines.findAll { it.startsWith('[INFO] Plan: ') } == [
            '[INFO] Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.',
            '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 0 Lambda invocations.']
    assert lines.contains('[INFO] Lambda invocation plan (state s3://s3-import-state/team/state.json):')

    // the no-op run left the S3 state as imported, and wrote no local state again
    assert S3ItHarness.keys(context) == ['team/state.json']
    assert S3ItHarness.etag(context, 'team/state.json') == context.importedEtag
    assert !new File(basedir, 'target/lambda-invocation/state.json').exists()
    // the result file is published from the S3 state
    def recorded = json.parseText(S3ItHarness.text(context, 'team/state.json')).invocations.tenant
    assert new File(basedir, 'target/lambda-invocation/results/tenant.json').text == recorded.result
} finally {
    lambda?.stop()
    S3ItHarness.stop(context)
}
