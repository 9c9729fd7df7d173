def lambda = context.lambda
try {
    // Run 5: the new code is recorded, so nothing is invoked again
    assert lambda.payloads('migrator').size() == 4
    def log = new File(basedir, 'build.log').readLines()
    assert log.findAll { it.startsWith('[INFO] Plan: ') }.last() ==
            '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 2 unchanged; 0 Lambda invocations.'
} finally {
    lambda?.stop()
}
true
