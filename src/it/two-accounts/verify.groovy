def lambda = context.lambda
try {
    // run 3: destroy sent each CRUD delete with the access recorded for it
    def keyOf = { r -> r.authorization().find(/Credential=([^\/]+)\//) { all, id -> id } }
    def calls = lambda.requests().findAll { it.reachedFunction() }
    assert calls.size() == 8
    def deletes = calls.drop(6)
    assert deletes.collect { it.function() + ' ' + keyOf(it) } as Set ==
            ['fn-billing AKIAACCOUNTAEXAMPLE', 'fn-orders AKIAACCOUNTAEXAMPLE'] as Set
    assert deletes.every { it.payload().contains('"action":"delete"') }

    // never a secret key in the log
    def log = new File(basedir, 'build.log').text
    ['account-a-secret-5fQ', 'account-b-secret-8kT', 'ledger-secret-3Wd'].each { secret -> assert !log.contains(secret) }
    true
} finally {
    lambda?.stop()
}
