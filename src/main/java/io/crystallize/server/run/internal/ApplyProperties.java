package io.crystallize.server.run.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code crystallize.apply.*}: how long one {@code apply} pass may take before it is stopped (504). */
@ConfigurationProperties("crystallize.apply")
public record ApplyProperties(@DefaultValue("30s") Duration timeout) {
}
