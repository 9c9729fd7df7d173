import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

// status invoked nothing and wrote no state; the plan is for its owner only and holds no sensitive input
assert context.lambda.requests().isEmpty()
assert !new File(basedir, 'target/lambda-invocation/state.json').exists()
def planFile = new File(basedir, 'plans/approved.json')
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(planFile.toPath())) == 'rw-------'
assert !planFile.text.contains('do-not-print-me-5831')
def plan = new JsonSlurper().parse(planFile)
assert plan.kind == 'lambda-invocation-plan' && plan.state.version == 'none' && plan.replace == []
assert plan.changes*.id == ['schema', 'token'] && plan.changes*.action == ['create', 'create']
assert plan.changes[0].calls[0].payload == '{"schema":"v7","tf":{"action":"create","prev_input":null}}'
assert !plan.changes[1].calls[0].containsKey('payload') && plan.changes[1].calls[0].payloadSha256.startsWith('sha256:')
def log = new File(basedir, 'build.log').text
assert log.contains('plans/approved.json (readable by you only; sensitive payloads as digests only; apply it with -Dlambda-invocation.plan=')
true
