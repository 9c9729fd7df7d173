import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

def lambda = context.lambda
try {
    def json = new JsonSlurper()
    def input = [tenant: [name: 'it-' + System.getProperty('user.name'), plan: 'trial']]
    // created before the tests, deleted after them with what was sent
    assert lambda.payloads('tenant_admin').collect { json.parseText(it) } == [
            input + [tf: [action: 'create', prev_input: null]],
            input + [tf: [action: 'delete', prev_input: input]]]

    // the integration test ran between the two, against the tenant the function created, and passed
    def log = new File(basedir, 'build.log').text
    def up = log.indexOf(':invoke (fixtures-up) @ tenant-service')
    def test = log.indexOf("Testing against tenant ${context.tenantId} at /tenants/${context.tenantId}/home")
    def down = log.indexOf(':destroy (fixtures-down) @ tenant-service')
    def verified = log.indexOf(':verify (default) @ tenant-service')
    assert up >= 0 && test > up && down > test && verified > down
    def summary = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new File(basedir, 'target/failsafe-reports/failsafe-summary.xml'))
    assert ['completed', 'errors', 'failures', 'skipped'].collect {
        summary.getElementsByTagName(it).item(0).textContent
    } == ['1', '0', '0', '0']

    // the fixture is gone: nothing recorded, no result left
    assert json.parse(new File(basedir, 'target/lambda-invocation/state.json')).invocations == [:]
    assert !new File(basedir, 'target/lambda-invocation/results/test-tenant.json').exists()
    true
} finally {
    lambda?.stop()
}
