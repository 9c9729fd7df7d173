import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def lambda = context.lambda
try {
    def first = '{"greeting":  "hello" ,"targets" : [1,2,  3]}'
    def changed = '{ "greeting" :"hi there",  "targets":[3 ,2,1] }'

    // create, (no-op), (reformatted: no-op), replace for the input, replace for the trigger:
    // three calls, each with the input text exactly as written and nothing added
    assert lambda.payloads('greeter') == [first, changed, changed]
    lambda.events('greeter').each {
        assert it.invocationType() == 'RequestResponse'
        assert it.qualifier() == '$LATEST'
    }

    def lines = new File(basedir, 'build.log').readLines()
    // one plan per run; runs 2 and 3 (the reformatted input) plan nothing
    assert lines.findAll { it.startsWith('[INFO] Plan: ') } == [
            '[INFO] Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.',
            '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 0 Lambda invocations.',
            '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 0 Lambda invocations.',
            '[INFO] Plan: 0 to create, 0 to update, 1 to replace, 0 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.',
            '[INFO] Plan: 0 to create, 0 to update, 1 to replace, 0 to delete, 0 to forget, 0 unchanged; 1 Lambda invocation.']
    // plan rows are padded into columns: compare them with runs of spaces collapsed
    def rows = lines.findAll { it.startsWith('[INFO]  ') || it.startsWith('[INFO] -/+ ') }*.replaceAll(/ {2,}/, ' ')
    assert '[INFO] -/+ greeting replace (input): invoke greeter:$LATEST in us-east-1' in rows
    assert '[INFO] -/+ greeting replace (triggers): invoke greeter:$LATEST in us-east-1' in rows

    // the last result is the function's answer to the last call
    def result = new File(basedir, 'target/lambda-invocation/results/greeting.json')
    assert result.text == changed

    def stateFile = new File(basedir, 'target/lambda-invocation/state.json')
    def recorded = new JsonSlurper().parse(stateFile).invocations.greeting
    assert recorded.functionName == 'greeter'
    assert recorded.lifecycleScope == 'CREATE_ONLY'
    assert recorded.triggers == [release: '2']
    assert recorded.input == [greeting: 'hi there', targets: [3, 2, 1]]
    assert recorded.result == changed

    // the state may hold secrets: owner-only
    assert PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile.toPath())) == 'rw-------'
} finally {
    lambda?.stop()
}
