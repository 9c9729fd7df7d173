def log = new File(basedir, 'build.log').text
assert log.contains('-Dlambda-invocation.ids names [x], which is neither configured nor recorded. Recorded ids: [a]')
def state = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.invocations.keySet() == ['a'] as Set : 'a refused destroy changes nothing'
true
