package io.crystallize.server.run.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code crystallize.cache.*}: the step cache's bound. Past {@code maxSize} the least recently used entries are
 * evicted; an entry over {@code maxEntrySize} (its encoded output, metrics and artifacts) is not kept.
 */
@ConfigurationProperties("crystallize.cache")
public record StepCacheProperties(@DefaultValue("256MB") DataSize maxSize, @DefaultValue("8MB") DataSize maxEntrySize) {
}
