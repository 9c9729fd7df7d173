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

// The POM Maven reads to load the plugin is the flattened one: no dependency and no dependencyManagement (the jar
// holds everything; an imported BOM, the AWS SDK's among them, would be parsed each time the plugin is loaded)
def pluginDir = new File(localRepositoryPath, 'io/github/lambdainvocation/lambda-invocation-maven-plugin')
def poms = []
pluginDir.eachFileRecurse { if (it.name.endsWith('.pom')) poms << it }
assert poms.size() == 1: "expected one installed POM, found ${poms}"
def pom = new groovy.xml.XmlSlurper().parse(poms[0])
assert pom.packaging.text() == 'maven-plugin'
assert pom.prerequisites.maven.text() == '3.6.3'
assert pom.dependencies.size() == 0: 'the installed POM declares dependencies'
assert pom.dependencyManagement.size() == 0: 'the installed POM imports BOMs'
assert pom.build.size() == 0 && pom.profiles.size() == 0
assert !poms[0].text.contains('awssdk')
true
