// run 1: the endpoint saw each call signed with the access key id of the invocation's own profile
def keyOf = { r -> r.authorization().find(/Credential=([^\/]+)\//) { all, id -> id } }
def calls = context.lambda.requests().findAll { it.reachedFunction() }
assert calls.size() == 4
assert calls.findAll { it.function() == 'fn-billing' }.collect(keyOf) == ['AKIAACCOUNTAEXAMPLE']
assert calls.findAll { it.function() == 'fn-orders' }.collect(keyOf) == ['AKIAACCOUNTBEXAMPLE']
// the settings.xml server's username as access key id
assert calls.findAll { it.function() == 'fn-ledger' }.collect(keyOf) == ['AKIALEDGERSERVER']
// no access of its own: the plugin's credentials (the environment's AWS_ACCESS_KEY_ID=test)
assert calls.findAll { it.function() == 'fn-shared' }.collect(keyOf) == ['test']

def log = new File(basedir, 'build.log').text
assert log.contains('create fn-billing:$LATEST in us-east-1 via profile account-a')
assert log.contains('create fn-orders:$LATEST in us-east-1 via profile account-b')
// only what the invocation names itself is recorded
def state = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.invocations.orders.access == [profile: 'account-b']
assert state.invocations.ledger.access == [serverId: 'aws-ledger']
assert !state.invocations.shared.containsKey('access')
assert log.contains('invoke fn-ledger:$LATEST in us-east-1 via server aws-ledger')
context.linesBefore2 = log.readLines().size()
true
