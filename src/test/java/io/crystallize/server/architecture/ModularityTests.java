package io.crystallize.server.architecture;

import io.crystallize.server.CrystallizeServerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The module structure, checked by Spring Modulith: every top-level package is a module, other modules see only
 * its root package and its declared named interfaces (such as {@code engine.spi}), and modules form no cycle.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(CrystallizeServerApplication.class);
    private static final Path OUTPUT = Path.of("docs/modules");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Regenerates docs/modules (PlantUML diagrams and module canvases), committed with the code. Plain UML style:
     * the C4 style includes a remote library, and the plain text reads well in the README. The Documenter writes
     * a diagram's relationships in the order of hash-based sets, different on every run; {@link StableDiagrams}
     * sorts them so that a test run leaves the committed files as they are unless the modules changed.
     */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeDocumentation(DiagramOptions.defaults().withStyle(DiagramStyle.UML), CanvasOptions.defaults());
        StableDiagrams.sortAll(OUTPUT);
    }
}
