// Run 2: the same code: no-op; the only request is the one GetFunction that reads the code
assert context.lambda.payloads('migrator').size() == 2
assert context.lambda.getFunctionCalls('migrator') == context.getFunctionsAfter1 + 1
def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter1)
assert run.contains('[INFO]     migrate  no-op')
context.logLinesAfter2 = new File(basedir, 'build.log').readLines().size()
true
