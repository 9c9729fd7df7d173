def lambda = context.lambda
try {
    def secret = 'pw-e9d1-only-in-results'
    def target = new File(basedir, 'target')

    // the second build invoked nothing: it had no result to hand over, and said so
    assert lambda.payloads('password-issuer').size() == 1
    assert new File(basedir, 'build.log').readLines().contains('[INFO]   db-password: no result to hand over: it'
            + ' was not invoked in this run and its last result was not kept (<keepResult>false</keepResult>), so no'
            + ' property, outputs or results file is set for it')
    assert !new File(basedir, 'received-result.txt').text.contains(secret)
    assert !new File(target, 'lambda-invocation/results/db-password.json').exists()
    assert !new File(target, 'lambda-invocation/outputs/db-password.json').exists()

    // nothing under target/ holds the secret any more, status.json included
    def status = new groovy.json.JsonSlurper().parse(new File(target, 'lambda-invocation/status.json'))
    assert status.invocations*.id == ['db-password'] && status.invocations*.action == ['no-op']
    def holding = []
    target.eachFileRecurse { f -> if (f.isFile() && new String(f.bytes, 'UTF-8').contains(secret)) holding << f }
    assert holding == []
    assert !new File(basedir, 'build.log').text.contains(secret)
    true
} finally {
    lambda?.stop()
}
