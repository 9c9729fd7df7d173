// run 2: 'orders' moved to account-a: its delete went with the recorded profile, its create with the new one
def keyOf = { r -> r.authorization().find(/Credential=([^\/]+)\//) { all, id -> id } }
def orders = context.lambda.requests().findAll { it.reachedFunction() && it.function() == 'fn-orders' }
assert orders.collect { it.payload().find(/"action":"(\w+)"/) { all, a -> a } } == ['create', 'delete', 'create']
assert orders.collect(keyOf) == ['AKIAACCOUNTBEXAMPLE', 'AKIAACCOUNTBEXAMPLE', 'AKIAACCOUNTAEXAMPLE']
assert context.lambda.requests().findAll { it.reachedFunction() }.size() == 6

def run2 = new File(basedir, 'build.log').readLines().drop(context.linesBefore2).join('\n')
assert run2.contains('(access): delete fn-orders:$LATEST in us-east-1 via profile account-b, then create' +
        ' fn-orders:$LATEST in us-east-1 via profile account-a')
true
