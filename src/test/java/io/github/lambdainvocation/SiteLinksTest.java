package io.github.lambdainvocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The site's pages link to each other, to the goal pages and to headings: every such link leads somewhere. Reads
 * the Markdown of {@code src/site} and {@code site.xml}, so it needs no {@code mvn site}.
 */
class SiteLinksTest {

    private static final Path PAGES = Path.of("src/site/markdown");
    private static final Set<String> GENERATED = Set.of("plugin-info.html", "invoke-mojo.html", "status-mojo.html",
            "destroy-mojo.html", "force-unlock-mojo.html", "import-state-mojo.html", "help-mojo.html");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)|href=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^#+ (.+)$", Pattern.MULTILINE);
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\">");

    @Test
    void everyLinkBetweenPagesLeadsToAPageAndHeading() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(PAGES)) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(sources::add);
        }
        sources.add(Path.of("src/site/site.xml"));
        List<String> broken = new ArrayList<>();
        for (Path source : sources) {
            Matcher m = LINK.matcher(Files.readString(source));
            while (m.find()) {
                String link = m.group(1) != null ? m.group(1) : m.group(2);
                if (link.startsWith("http") || link.startsWith("mailto:")) {
                    continue;
                }
                String page = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : null;
                if (page.isEmpty()) {
                    page = source.getFileName().toString().replace(".md", ".html");
                }
                if (GENERATED.contains(page) && anchor == null) {
                    continue;
                }
                Path markdown = PAGES.resolve(page.replace(".html", ".md"));
                if (!Files.exists(markdown) || anchor != null && !anchors(markdown).contains(anchor)) {
                    broken.add(source.getFileName() + ": " + link);
                }
            }
        }
        assertThat(sources).hasSizeGreaterThan(8);
        assertThat(broken).isEmpty();
    }

    /** The ids a page's headings get (spaces become '_') and the anchors it sets itself. */
    private static Set<String> anchors(Path markdown) throws IOException {
        String text = Files.readString(markdown);
        Set<String> ids = new HashSet<>();
        Matcher heading = HEADING.matcher(text);
        while (heading.find()) {
            ids.add(heading.group(1).trim().replace(' ', '_'));
        }
        Matcher anchor = ANCHOR.matcher(text);
        while (anchor.find()) {
            ids.add(anchor.group(1));
        }
        return ids;
    }
}
