import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    def json = new JsonSlurper()
    def events = lambda.payloads('data_processor').collect { json.parseText(it) }
    def oldInput = [resource_name: 'database_setup', database_url: 'mydb.cluster-xyz.us-west-2.rds.amazonaws.com:5432',
                    credentials: [username: 'admin', password: 'secret123']]
    def newInput = [resource_name: 'database_setup', database_url: 'mydb-new.cluster-abc.us-west-2.rds.amazonaws.com:5432',
                    credentials: [username: 'admin', password: 'secret123']]

    // create, (no-op sends nothing), update, delete: exactly three events, in this order
    assert events.size() == 3
    assert events[0] == oldInput + [tf: [action: 'create', prev_input: null]]
    assert events[1] == newInput + [tf: [action: 'update', prev_input: oldInput]]
    assert events[2] == newInput + [tf: [action: 'delete', prev_input: newInput]]

    // every call is synchronous, asks for the log tail, and is signed with SigV4
    lambda.events('data_processor').each {
        assert it.invocationType() == 'RequestResponse'
        assert it.logType() == 'Tail'
        assert it.qualifier() == '$LATEST'
        assert it.authorization().startsWith('AWS4-HMAC-SHA256 ')
    }

    def log = new File(basedir, 'build.log').text
    assert log.contains('Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.')
    assert log.contains('Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 0 Lambda invocations.')
    assert log.contains('Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.')
    assert log.contains('Plan: 0 to create, 0 to update, 0 to replace, 1 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.')

    // after destroy nothing is recorded and no result file is left
    def state = json.parse(new File(basedir, 'target/lambda-invocation/state.json'))
    assert state.formatVersion == 3 && state.owner == 'it:crud-lifecycle'
    assert state.invocations == [:]
    assert !new File(basedir, 'target/lambda-invocation/results/database-setup.json').exists()
} finally {
    lambda?.stop()
}
