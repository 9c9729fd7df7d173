import groovy.json.JsonSlurper

def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.invocations.keySet() == ['a'] as Set
assert new File(basedir, 'target/lambda-invocation/results/a.json').exists()
assert !new File(basedir, 'target/lambda-invocation/results/b.json').exists()
assert !new File(basedir, 'target/lambda-invocation/results/c.json').exists()
true
