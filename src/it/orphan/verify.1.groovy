// Both invocations were created and have result files.
def results = new File(basedir, 'target/lambda-invocation/results')
assert new File(results, 'schema.json').isFile()
assert new File(results, 'welcome-mail.json').isFile()
true
