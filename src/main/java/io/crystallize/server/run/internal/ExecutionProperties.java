package io.crystallize.server.run.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How this node executes units ({@code crystallize.execution.*}): the size of the shared unit pool used
 * by the {@code parallel} plugin, how often running runs look for cancellation, the cap on a run's log,
 * and the node's name (host and process id when blank).
 */
@ConfigurationProperties("crystallize.execution")
public record ExecutionProperties(@DefaultValue("8") int poolSize, @DefaultValue("1000") int queueCapacity,
                                  @DefaultValue("500ms") Duration cancelPollInterval,
                                  @DefaultValue("10000") int maxLogLines, @DefaultValue("") String nodeName) {

    public String node() {
        if (nodeName != null && !nodeName.isBlank()) {
            return nodeName;
        }
        return ProcessHandle.current().pid() + "@" + hostName();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
