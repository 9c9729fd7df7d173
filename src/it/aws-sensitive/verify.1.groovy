import io.github.lambdainvocation.model.Digests

// the secret was really sent, and the function's answer quoted it
assert context.lambda.payloads('fn-secret').size() == 1
assert context.lambda.payloads('fn-secret')[0].contains('s3cr3t-marker-42')
assert context.lambda.payloads('fn-public').isEmpty()

def log = new File(basedir, 'build.log').text
assert !log.contains('s3cr3t'): 'build.log shows the secret'
// the error type and a digest of the error payload (as the local endpoint wrote it), never its message or log
def payload = '{"errorMessage":"login refused for password s3cr3t-marker-42","errorType":"LoginError","stackTrace":[]}'
def failure = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal ') }
assert failure.endsWith(": Invocation 'secret' (create) failed. The function fn-secret:\$LATEST in us-east-1 failed" +
        ' (Unhandled error): LoginError. Its error message and log are not shown because the invocation is' +
        ' sensitive (error payload ' + Digests.sha256(payload) + "); see the function's CloudWatch logs.")
assert !log.contains('Last lines of its log:'): 'a log tail is shown'
assert !new File(basedir, 'target/lambda-invocation/results/secret.json').exists()
true
