// Run 2, status with 40 products: the seed will change; what comes after it in the graph is decided when it runs
assert context.lambda.requests().size() == context.requestsAfter1
def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter1)
def plan = run.findAll { it ==~ /\[INFO\] +[~+-]? +[a-z-]+ +(no-op|update|create|delete).*/ }
        .collect { it.replaceAll(/ +/, ' ') }
assert plan == [
        '[INFO] create-tenant no-op',
        '[INFO] ~ seed-catalog update (input): update catalog_loader:$LATEST in eu-west-1',
        '[INFO] ~ build-search-index update (input once seed-catalog ran) decided when it runs: update' +
                ' search_indexer:$LATEST in eu-west-1',
        '[INFO] ~ notify-ops update (input once build-search-index ran) decided when it runs: update' +
                ' ops_notifier:$LATEST in eu-west-1']
assert !new File(basedir, 'target/lambda-invocation/results/seed-catalog.json').text.contains('40')
context.logLinesAfter2 = new File(basedir, 'build.log').readLines().size()
true
