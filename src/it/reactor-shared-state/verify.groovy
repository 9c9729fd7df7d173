import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    // run 3, a state per module: the loser creates its invocation, the winner creates its own in its new state
    def modules = lambda.payloads('fn').drop(1).collect { new JsonSlurper().parseText(it) }
    assert modules.collect { it.tf.action } == ['create', 'create']
    assert modules.collect { it.module } as Set == ['orders', 'billing'] as Set
    ['orders', 'billing'].each {
        def state = new JsonSlurper().parse(new File(basedir, "$it/target/lambda-invocation/state.json"))
        assert state.owner == "it.reactor:$it"
    }
    assert !new File(basedir, 'target/lambda-invocation').exists()
    true
} finally {
    lambda?.stop()
}
