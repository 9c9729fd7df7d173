import groovy.json.JsonSlurper
import java.time.Instant
import io.github.lambdainvocation.testing.S3ItHarness

def json = new JsonSlurper()

// the run released its lock: the state object is all there is in the bucket
assert !S3ItHarness.exists(context, 'team/state.json.lock')
assert S3ItHarness.keys(context) == ['team/state.json']

// the state object holds the updated invocation and its result, in the state file's format
def state = json.parseText(S3ItHarness.text(context, 'team/state.json'))
def newInput = [resource_name: 'database_setup', database_url: 'mydb-new.cluster-abc.us-west-2.rds.amazonaws.com:5432']
def oldInput = [resource_name: 'database_setup', database_url: 'mydb.cluster-xyz.us-west-2.rds.amazonaws.com:5432']
assert state.formatVersion == 3 && state.owner == 'it:s3-state-lifecycle'
assert state.invocations.keySet() == ['database-setup'] as Set
def recorded = state.invocations['database-setup']
// the function echoes: the result is the update event it received
def updateEvent = newInput + [tf: [action: 'update', prev_input: oldInput]]
assert json.parseText(recorded.result) == updateEvent
assert recorded.findAll { it.key != 'result' && it.key != 'invokedAt' } == [
        functionName: 'data_processor', qualifier: '$LATEST', region: 'us-east-1', lifecycleScope: 'CRUD',
        terraformKey: 'tf', triggers: [:], input: newInput, executedVersion: '$LATEST']
assert Instant.parse(recorded.invokedAt).isAfter(Instant.now().minusSeconds(300))

// the result file is still written locally, with the same result; the state file is not
def results = new File(basedir, 'target/lambda-invocation/results/database-setup.json')
assert results.text == recorded.result
assert !new File(basedir, 'target/lambda-invocation/state.json').exists()
assert !new File(basedir, 'target/lambda-invocation/state.json.lock').exists()
context.stateAfterUpdate = S3ItHarness.bytes(context, 'team/state.json')
true
