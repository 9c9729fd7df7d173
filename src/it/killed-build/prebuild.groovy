import io.github.lambdainvocation.testing.ItHarness

ItHarness.start(context, 'slowfn')

/*
 * context.killDuringNextCall() starts a thread that waits until the next call to slowfn has arrived (the function
 * then sleeps for 20 s) and kills the Maven process that sent it. To be sure it is that process and no other,
 * every Maven run of this IT gets a user property with a random marker (the invoker passes it as "-D name=value");
 * the one to kill is a process started by this JVM (a descendant), running Maven's launcher, whose arguments hold
 * that marker, and it must be the only one. Otherwise nothing is killed and context.kill.problem says why.
 */
def marker = 'killed-build.marker=' + UUID.randomUUID()
def (name, value) = marker.split('=', 2)
context.userProperties.put(name, value)
context.killDuringNextCall = {
    def lambda = context.lambda
    int before = lambda.requests().size()
    context.kill = [:]
    context.killer = Thread.start('killed-build-killer') {
        def deadline = System.currentTimeMillis() + 90_000
        while (lambda.requests().size() == before && System.currentTimeMillis() < deadline) {
            sleep 50
        }
        if (lambda.requests().size() == before) {
            context.kill.problem = 'no call arrived within 90 s'
            return
        }
        def candidates = ProcessHandle.current().descendants().toList().findAll { p ->
            def args = p.info().arguments().map { it as List }.orElse([])
            args.contains('org.codehaus.plexus.classworlds.launcher.Launcher') && args.contains(marker)
        }
        if (candidates.size() != 1) {
            context.kill.problem = "expected exactly one Maven process with ${marker}, found: " +
                    candidates.collect { "${it.pid()} ${it.info().commandLine().orElse('?')}" }
            return
        }
        def maven = candidates[0]
        context.kill.pid = maven.pid()
        context.kill.destroyed = maven.destroyForcibly()
        maven.onExit().get()
    }
}
true
