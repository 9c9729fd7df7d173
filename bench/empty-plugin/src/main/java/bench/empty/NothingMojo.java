package bench.empty;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;

/** Does nothing: what any plugin goal costs before its own code runs. */
@Mojo(name = "nothing", threadSafe = true, requiresProject = true)
public class NothingMojo extends AbstractMojo {

    @Override
    public void execute() {
        // intentionally empty
    }
}
