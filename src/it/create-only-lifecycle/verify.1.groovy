import groovy.json.JsonSlurper

// After the create: the result file holds the function's answer (an echo of the verbatim payload).
def result = new File(basedir, 'target/lambda-invocation/results/greeting.json')
assert result.text == '{"greeting":  "hello" ,"targets" : [1,2,  3]}'

def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.invocations.greeting.lifecycleScope == 'CREATE_ONLY'
assert state.invocations.greeting.input == [greeting: 'hello', targets: [1, 2, 3]]
assert state.invocations.greeting.triggers == [release: '1']
true
