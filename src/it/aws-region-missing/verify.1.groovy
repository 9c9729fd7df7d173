// nothing was sent, not even the readiness check
assert context.lambda.requests().isEmpty()
assert context.lambda.getFunctionCalls('fn-a') == 0
assert !new File(basedir, 'target/lambda-invocation/state.json').exists()

def lines = new File(basedir, 'build.log').readLines()
def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal ') }
assert failure.endsWith(": No AWS region for invocation 'a' (fn-a:\$LATEST). Tried:" +
        " its <region>, the plugin's <region> (-Dlambda-invocation.region), the aws.region system property and" +
        " the AWS_REGION environment variable, the region of profile 'default' in the AWS config file, instance" +
        ' metadata (off: AWS_EC2_METADATA_DISABLED). Set one of them.')
def next = lines[lines.indexOf(failure) + 1]
assert next == '[ERROR] Nothing was invoked and the state was not changed.'
true
