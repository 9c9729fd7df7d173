import groovy.json.JsonSlurper
import io.github.lambdainvocation.testing.S3ItHarness

def lambda = context.lambda
try {
    def json = new JsonSlurper()
    def events = lambda.payloads('data_processor').collect { json.parseText(it) }
    def oldInput = [resource_name: 'database_setup', database_url: 'mydb.cluster-xyz.us-west-2.rds.amazonaws.com:5432']
    def newInput = [resource_name: 'database_setup', database_url: 'mydb-new.cluster-abc.us-west-2.rds.amazonaws.com:5432']

    // create, (no-op sends nothing), update, (status sends nothing), delete: exactly three events, in this order
    assert events == [
            oldInput + [tf: [action: 'create', prev_input: null]],
            newInput + [tf: [action: 'update', prev_input: oldInput]],
            newInput + [tf: [action: 'delete', prev_input: newInput]]]

    // every run planned against the S3 state: run 2 and the status saw what run 1 and run 3 recorded
    def lines = new File(basedir, 'build.log').readLines()
    assert lines.findAll { it.startsWith('[INFO] Plan: ') } == [
            '[INFO] Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.',
            '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 0 Lambda invocations.',
            '[INFO] Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.',
            '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 0 Lambda invocations.',
            '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.']
    assert lines.count('[INFO] Lambda invocation plan (state s3://s3-state-lifecycle/team/state.json):') == 5
    // and the status goal names the S3 state in status.json
    assert json.parse(new File(basedir, 'target/lambda-invocation/status.json')).state ==
            's3://s3-state-lifecycle/team/state.json'

    // after destroy the state object is empty, and still the only object
    assert S3ItHarness.keys(context) == ['team/state.json']
    def state = json.parseText(S3ItHarness.text(context, 'team/state.json'))
    assert state == [formatVersion: 3, owner: 'it:s3-state-lifecycle', invocations: [:]]

    // nothing ever went to a local state file; destroy removed the result file and left its apply report
    def out = new File(basedir, 'target/lambda-invocation')
    assert out.list().sort() == ['apply.json', 'results', 'status.json']
    def report = json.parse(new File(out, 'apply.json'))
    assert report.goal == 'destroy' && report.state == 's3://s3-state-lifecycle/team/state.json'
    assert new File(out, 'results').list() == [] as String[]
} finally {
    lambda?.stop()
    S3ItHarness.stop(context)
}
