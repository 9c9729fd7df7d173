// The source now records another input than the one imported: a second import that did copy would show in S3.
def local = new File(basedir, 'target/lambda-invocation/state.json')
def changed = local.text.replace('"plan" : "basic"', '"plan" : "gold"')
assert changed != local.text
local.text = changed
context.changedSource = local.bytes
true
