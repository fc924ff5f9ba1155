/** The engine's own plugins: seeding, logging, tracing and the serial and thread-pool execution strategies. */
package io.crystallize.server.engine.plugins;
