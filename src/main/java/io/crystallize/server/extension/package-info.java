/**
 * Extension jars (SPEC §7a): at start, every jar in the extensions folder ({@code crystallize.extensions.dir},
 * default {@code ./extensions}) joins the application's class loader, so the jar's own Spring Boot
 * auto-configuration ({@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports})
 * contributes its steps, datasources, verifiers and plugin factories as beans — no fork or rebuild of the service.
 */
package io.crystallize.server.extension;
