package io.crystallize.server.extension;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Extension jars ({@code crystallize.extensions.*}). Read once at start, before the application context exists.
 *
 * @param dir the folder whose {@code *.jar} files are loaded, relative to the working directory unless absolute;
 *            a missing folder loads nothing. Whoever can write to it can run code in the service: keep it the
 *            operator's.
 */
@ConfigurationProperties("crystallize.extensions")
public record ExtensionProperties(@DefaultValue("./extensions") String dir) {
}
