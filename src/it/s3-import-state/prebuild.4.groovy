// The local file goes: if invoke still read it instead of S3, it would plan a create.
assert new File(basedir, 'target/lambda-invocation/state.json').delete()
true
