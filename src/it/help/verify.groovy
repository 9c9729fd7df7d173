// help -Ddetail: the six goals, each followed by its parameters; invoke's list names each parameter's -D property
def log = new File(basedir, 'build.log').text
def goals = (log =~ /(?m)^lambda-invocation:(\S+)$/).collect { it[1] }
assert goals == ['destroy', 'force-unlock', 'help', 'import-state', 'invoke', 'status']
assert log.contains('This plugin has 6 goals:')
assert log.count('Available parameters:') == 6

def invoke = log.substring(log.indexOf('\nlambda-invocation:invoke\n'), log.indexOf('\nlambda-invocation:status\n'))
['endpointUrl', 'region', 'stateFile', 'stateS3Uri', 'parallelism', 'skip'].each {
    assert invoke =~ /(?m)^    ${it}\b/: "parameter ${it} is not listed"
    assert invoke.contains("User property: lambda-invocation.${it}")
}
assert log.contains('BUILD SUCCESS')
true
