/**
 * The experiment engine: the model of SPEC §1 and the plugin lifecycle of SPEC §2, in plain Java.
 * <p>
 * Nothing here knows Spring or JPA: steps, datasources, verifiers and plugins are handed in as
 * objects, units are reported through {@link io.crystallize.server.engine.UnitListener}, and the
 * engine can be driven and tested without a container.
 */
package io.crystallize.server.engine;
