import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
import java.security.MessageDigest

def secret = 'pw-e9d1-only-in-results'
def result = '{"user":"app","password":"' + secret + '"}'
def target = new File(basedir, 'target')

// the later plugin received the result and the output through the project properties
assert new File(basedir, 'received-result.txt').text == result
assert new File(basedir, 'received-user.txt').text == 'app'

// under target/, only the results file holds the secret, and only its owner may read it
def holding = []
target.eachFileRecurse { f -> if (f.isFile() && new String(f.bytes, 'UTF-8').contains(secret)) holding << f }
def resultFile = new File(target, 'lambda-invocation/results/db-password.json')
assert holding == [resultFile]
assert resultFile.text == result
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(resultFile.toPath())) == 'rw-------'

// the state keeps the digest of the result, not the result
def recorded = new JsonSlurper().parse(new File(target, 'lambda-invocation/state.json')).invocations.'db-password'
def digest = 'sha256:' + MessageDigest.getInstance('SHA-256').digest(result.getBytes('UTF-8')).encodeHex()
assert recorded.keepResult == false
assert recorded.resultSha256 == digest
assert !recorded.containsKey('result') || recorded.result == null
assert !new File(basedir, 'build.log').text.contains(secret)
true
