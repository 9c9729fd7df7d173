import groovy.json.JsonSlurper
import io.github.lambdainvocation.testing.S3ItHarness

// Run 1: mvn deploy ran the invocations in the deploy phase, after the deploy plugin
def json = new JsonSlurper()
def log = new File(basedir, 'build.log').text
def deployed = log.indexOf(':deploy (default-deploy) @ shop-deploy')
assert deployed >= 0 && log.indexOf(':invoke (deploy-steps) @ shop-deploy') > deployed

def lambda = context.lambda
assert lambda.payloads('release_registry').collect { json.parseText(it) } ==
        [[service: 'shop-deploy', version: '1.4.0', tf: [action: 'create', prev_input: null]]]
// CREATE_ONLY: the seed file's bytes, exactly as written
assert lambda.payloads('data_processor') == [new File(basedir, 'src/deploy/seed.json').text]

// the state is one object in S3 under the project's coordinates, owned by the project; the lock is gone
def key = 'com.example.shop/shop-deploy/state.json'
assert S3ItHarness.keys(context) == [key]
def state = json.parseText(S3ItHarness.text(context, key))
assert state.owner == 'com.example.shop:shop-deploy'
assert state.invocations.keySet() == ['register-release', 'seed-reference-data'] as Set
assert state.invocations.'seed-reference-data'.triggers == [schema: '7']
assert !new File(basedir, 'target/lambda-invocation/state.json').exists()
context.etagAfter1 = S3ItHarness.etag(context, key)
true
