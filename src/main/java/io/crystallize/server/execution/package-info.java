/**
 * The execution strategies of SPEC §2, together: {@code serial} (the run's own thread), {@code parallel} (the
 * node's bounded unit pool) and {@code distributed} (unit groups as db-scheduler tasks that any node executes).
 * Each is an {@link io.crystallize.server.engine.spi.ExecutionStrategy} created per run by its plugin factory;
 * nothing else in the application names them.
 */
package io.crystallize.server.execution;
