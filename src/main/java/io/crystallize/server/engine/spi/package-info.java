/**
 * Extension contracts: steps, datasources, verifiers and plugins. Implement one as a Spring bean
 * (see the {@code catalog} module) and it appears in {@code GET /api/catalog} and in definitions.
 * <p>
 * A named interface of the {@code engine} module: other modules may depend on it.
 */
@NamedInterface("spi")
package io.crystallize.server.engine.spi;

import org.springframework.modulith.NamedInterface;
