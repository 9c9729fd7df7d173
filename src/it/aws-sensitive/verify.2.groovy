import groovy.json.JsonSlurper

def file = new File(basedir, 'target/lambda-invocation/status.json')
assert !file.text.contains('s3cr3t'): 'status.json shows the secret'
def status = new JsonSlurper().parse(file)
def secret = status.invocations.find { it.id == 'secret' }
def twin = status.invocations.find { it.id == 'twin' }
assert secret.action == 'create' && twin.action == 'create'
// the sensitive input as a digest only; the twin's as written
assert secret.inputSha256 ==~ /sha256:[0-9a-f]{64}/
assert !secret.containsKey('input')
assert twin.input == [note: 'public-input-value']
assert !twin.containsKey('inputSha256')
assert !new File(basedir, 'build.log').text.contains('s3cr3t'): 'build.log shows the secret'
true
