package io.crystallize.server.architecture;

import io.crystallize.server.CrystallizeServerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * The module structure, checked by Spring Modulith: every top-level package is a module, other modules see only
 * its root package and its declared named interfaces (such as {@code engine.spi}), and modules form no cycle.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(CrystallizeServerApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Regenerates docs/modules (PlantUML diagrams and module canvases), committed with the code. Plain UML style:
     * the C4 style includes a remote library, and the plain text reads well in the README.
     */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation(DiagramOptions.defaults().withStyle(DiagramStyle.UML), CanvasOptions.defaults());
    }
}
