package io.crystallize.server.run.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How plugins are called ({@code crystallize.plugins.*}): a hook call slower than {@code slowHookThreshold} is
 * named, with its plugin and duration, in the run's log (which the server log mirrors).
 */
@ConfigurationProperties("crystallize.plugins")
public record PluginProperties(@DefaultValue("1s") Duration slowHookThreshold) {
}
