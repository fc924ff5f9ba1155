/**
 * The catalog: every registered step, datasource, verifier and plugin factory (the built-ins of SPEC §6
 * and any other bean of those types), looked up by type and listed by {@code GET /api/catalog}.
 */
package io.crystallize.server.catalog;
