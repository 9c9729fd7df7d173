def lambda = context.lambda
// a: asked twice (Pending, then Active), invoked once; b: asked once (Failed), never invoked
assert lambda.getFunctionCalls('fn-pending') == 2
assert lambda.payloads('fn-pending').size() == 1
assert lambda.getFunctionCalls('fn-failed') == 1
assert lambda.events('fn-failed').isEmpty()

def lines = new File(basedir, 'build.log').readLines()
def waiting = lines.indexOf('[INFO] Waiting for the function fn-pending:$LATEST in us-east-1 to be ready (state Pending,' +
        ' last update InProgress), up to 300 s.')
def ready = lines.indexOf('[INFO] The function fn-pending:$LATEST in us-east-1 is ready.')
def done = lines.findIndexOf { it.startsWith('[INFO]   a: invoke done in ') }
assert 0 < waiting && waiting < ready && ready < done

def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal ') }
assert failure.endsWith(": Invocation 'b' (create) failed. The function fn-failed:\$LATEST in us-east-1 is in state" +
        ' Failed (InternalError: The image of the function could not be pulled). Fix the function; nothing was invoked.')
true
