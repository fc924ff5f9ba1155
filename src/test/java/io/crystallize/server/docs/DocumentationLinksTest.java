package io.crystallize.server.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link of the documentation points at a file of this repository (a clone has nothing beside it). */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        List<String> broken = new ArrayList<>();
        for (String doc : List.of("README.md", "CONTRIBUTING.md", "docs/http.md", "docs/problems.md")) {
            Path file = Path.of(doc);
            Matcher m = LINK.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(1).replaceAll("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*") || target.startsWith("/")) {
                    continue; // an anchor, an external URL, or a path of the running service (/problems/...)
                }
                Path resolved = file.toAbsolutePath().getParent().resolve(target).normalize();
                if (!resolved.startsWith(repo) || !Files.exists(resolved)) {
                    broken.add(doc + " -> " + m.group(1));
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(Files.readString(Path.of("README.md"))).doesNotContain("../shared");
    }
}
