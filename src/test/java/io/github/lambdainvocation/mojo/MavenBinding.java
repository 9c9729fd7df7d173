package io.github.lambdainvocation.mojo;

import io.github.lambdainvocation.model.DesiredInvocation;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;

/**
 * A goal of the plugin configured the way Maven configures it from a POM: the {@code <configuration>} XML is
 * parsed as Maven parses a POM, completed with the defaults and {@code -D} expressions of the plugin descriptor
 * the build generated, and bound into the Mojo by Maven's own configurator and expression evaluator.
 */
public final class MavenBinding {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    private MavenBinding() {}

    /**
     * The Mojo of {@code goal} in a project at {@code basedir}, configured with {@code configuration} (the inside
     * of a POM's {@code <configuration>}) and the user properties {@code -D...}.
     */
    public static Mojo configure(String goal, String configuration, Path basedir, Map<String, String> userProperties)
            throws Exception {
        MojoDescriptor mojo = descriptor().getMojo(goal);
        MojoExecution execution = new MojoExecution(mojo, "default-cli");
        execution.setConfiguration(effective(parse(configuration), mojo));
        MavenSession session = session(basedir, userProperties);
        Mojo instance = (Mojo) Class.forName(mojo.getImplementation()).getConstructor(SettingsDecrypter.class)
                .newInstance(nothingToDecrypt());
        BasicComponentConfigurator configurator = new BasicComponentConfigurator();
        configurator.configureComponent(instance, new XmlPlexusConfiguration(execution.getConfiguration()),
                new PluginParameterExpressionEvaluator(session, execution),
                new ClassWorld("binding", MavenBinding.class.getClassLoader()).getRealm("binding"));
        return instance;
    }

    /** The {@code <invocation>} POJOs of an {@code invoke} configured with {@code configuration}. */
    static List<Invocation> invocations(String configuration, Path basedir) throws Exception {
        return ((AbstractLambdaInvocationMojo) configure("invoke", configuration, basedir, Map.of())).invocations;
    }

    /** The POJOs of {@code mojo}, checked the way the goal checks them (expressions evaluated). */
    public static List<DesiredInvocation> desired(Mojo mojo) {
        return ((AbstractLambdaInvocationMojo) mojo).desiredInvocations();
    }

    private static PluginDescriptor descriptor() throws Exception {
        try (Reader reader = Files.newBufferedReader(DESCRIPTOR)) {
            return new PluginDescriptorBuilder().build(reader, DESCRIPTOR.toString());
        }
    }

    private static Xpp3Dom parse(String configuration) throws Exception {
        return Xpp3DomBuilder.build(new StringReader("<configuration>" + configuration + "</configuration>"));
    }

    /**
     * What Maven binds: for each parameter of the goal, the POM's element merged over the descriptor's (its
     * {@code ${property}} expression and default value).
     */
    private static Xpp3Dom effective(Xpp3Dom pom, MojoDescriptor mojo) {
        Xpp3Dom defaults = dom(mojo.getMojoConfiguration());
        Xpp3Dom effective = new Xpp3Dom("configuration");
        for (Parameter parameter : mojo.getParameters()) {
            Xpp3Dom merged = Xpp3Dom.mergeXpp3Dom(pom.getChild(parameter.getName()),
                    defaults.getChild(parameter.getName()), Boolean.TRUE);
            if (merged != null) {
                Xpp3Dom named = new Xpp3Dom(merged, parameter.getName());
                if (named.getAttribute("implementation") == null && parameter.getImplementation() != null) {
                    named.setAttribute("implementation", parameter.getImplementation());
                }
                effective.addChild(named);
            }
        }
        return effective;
    }

    private static Xpp3Dom dom(PlexusConfiguration configuration) {
        Xpp3Dom dom = new Xpp3Dom(configuration.getName());
        dom.setValue(configuration.getValue(null));
        for (String attribute : configuration.getAttributeNames()) {
            dom.setAttribute(attribute, configuration.getAttribute(attribute));
        }
        for (PlexusConfiguration child : configuration.getChildren()) {
            dom.addChild(dom(child));
        }
        return dom;
    }

    private static MavenSession session(Path basedir, Map<String, String> userProperties) throws IOException {
        Model model = new Model();
        model.setGroupId("it");
        model.setArtifactId("binding");
        model.setVersion("1.0");
        model.setBuild(new Build());
        model.getBuild().setDirectory(basedir.resolve("target").toString());
        MavenProject project = new MavenProject(model);
        project.setFile(new File(basedir.toFile(), "pom.xml"));
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(basedir.toFile());
        userProperties.forEach(request.getUserProperties()::setProperty);
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        session.setCurrentProject(project);
        session.setProjects(List.of(project));
        return session;
    }

    /** The session's settings.xml has no servers or proxies: nothing is ever decrypted. */
    private static SettingsDecrypter nothingToDecrypt() {
        return request -> {
            throw new AssertionError("this settings.xml has nothing to decrypt");
        };
    }
}
