// Two requests, of which only the second reached the function.
def lambda = context.lambda
assert lambda.requests()*.reply() == ['api-error:TooManyRequestsException', 'echo']
assert lambda.payloads('fn-busy') == ['{"warm": true}']

def lines = new File(basedir, 'build.log').readLines()
def warnings = lines.findAll { it.startsWith('[WARNING] ') }
assert warnings.size() == 1
assert warnings[0].startsWith('[WARNING] Lambda throttled the call to fn-busy:$LATEST in us-east-1 (TooManyRequestsException);' +
        ' it did not run. Retrying in ')
assert warnings[0].endsWith(' ms (attempt 2 of 5).')
assert '[INFO] Applied: 1 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten, 0 unchanged (1 Lambda invocation).' in lines
true
