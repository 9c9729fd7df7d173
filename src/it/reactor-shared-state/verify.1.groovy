import groovy.json.JsonSlurper

def state = new JsonSlurper().parse(new File(basedir, 'shared/state.json'))
def winner = state.owner.split(':')[1]
def loser = winner == 'orders' ? 'billing' : 'orders'
assert state.invocations.keySet() == ["${winner}-seed".toString()] as Set
def log = new File(basedir, 'build.log').text
assert log.contains("belongs to it.reactor:${winner}, and this project is it.reactor:${loser}")
// one create, the winner's; no delete
assert context.lambda.payloads('fn').collect { new JsonSlurper().parseText(it).tf.action } == ['create']
// the parent configures nothing: it wrote nothing (Maven 4 itself leaves target/resume.properties after a failure)
assert !new File(basedir, 'target/lambda-invocation').exists()
context.winner = winner
true
