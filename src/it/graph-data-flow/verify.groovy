import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    def json = new JsonSlurper()
    // Run 4, destroy@graph: dependents first (announce, report, seed, register), the reverse of the call order,
    // each delete carrying what was last recorded
    def deletes = lambda.requests().drop(context.requestsAfter2)
    assert deletes*.function() == ['announcer', 'reporter', 'seeder', 'tenants']
    def seed = [tenant: 't-2', rows: 3, note: 'for tenant t-2']
    assert deletes.collect { json.parseText(it.payload()) } == [
            [channel: 'ops', tf: [action: 'delete', prev_input: [channel: 'ops']]],
            [rows: 3, format: 'csv', tf: [action: 'delete', prev_input: [rows: 3, format: 'csv']]],
            seed + [tf: [action: 'delete', prev_input: seed]],
            [name: 'acme', tf: [action: 'delete', prev_input: [name: 'acme']]]]

    def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter2)
    assert run.findAll { it.contains(' delete   (destroy): ') } == [
            '[INFO]   - announce  delete   (destroy): delete announcer:$LATEST in us-east-1',
            '[INFO]   - report    delete   (destroy): delete reporter:$LATEST in us-east-1',
            '[INFO]   - seed      delete   (destroy): delete seeder:$LATEST in us-east-1',
            '[INFO]   - register  delete   (destroy): delete tenants:$LATEST in us-east-1']

    def dir = new File(basedir, 'target/lambda-invocation')
    assert json.parse(new File(dir, 'state.json')).invocations == [:]
    // nothing of the destroyed invocations is left to read: neither results nor outputs
    ['register', 'seed', 'report', 'announce'].each {
        assert !new File(dir, "results/${it}.json").exists()
    }
    assert !new File(dir, 'outputs/register.json').exists()
    // the other execution's state and result are not the graph's to destroy
    assert json.parse(new File(dir, 'welcome-state.json')).invocations.keySet() == ['welcome'] as Set
    assert new File(dir, 'results/welcome.json').exists()
} finally {
    lambda?.stop()
}
true
