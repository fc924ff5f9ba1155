/**
 * Extension contracts: steps, datasources, verifiers and plugins. Implement one as a Spring bean
 * (see the {@code catalog} module) and it appears in {@code GET /api/catalog} and in definitions.
 */
package io.crystallize.server.engine.spi;
