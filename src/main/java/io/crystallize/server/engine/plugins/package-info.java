/**
 * The engine's own plugins: seeding, logging, tracing and the serial and thread-pool execution strategies.
 * A named interface of the {@code engine} module, for the catalog's factories that configure them per run.
 */
@NamedInterface("plugins")
package io.crystallize.server.engine.plugins;

import org.springframework.modulith.NamedInterface;
