package io.crystallize.server.run.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How this node executes units ({@code crystallize.execution.*}): the size of the shared unit pool used
 * by the {@code parallel} plugin, how often running runs look for cancellation, the cap on a run's log,
 * the node's name (host and process id when blank), and whether the pool's threads are virtual.
 * The pool is larger than the cores because units may wait on I/O (remote components): a run asks for its
 * own bound with the plugin's {@code maxWorkers}.
 *
 * @param virtualThreads run units on virtual threads when the JDK has them (21+); platform threads on 17
 */
@ConfigurationProperties("crystallize.execution")
public record ExecutionProperties(@DefaultValue("64") int poolSize, @DefaultValue("1000") int queueCapacity,
                                  @DefaultValue("500ms") Duration cancelPollInterval,
                                  @DefaultValue("10000") int maxLogLines, @DefaultValue("") String nodeName,
                                  @DefaultValue("true") boolean virtualThreads) {

    /** Whether the unit pool really uses virtual threads: asked for, and the running JDK has them. */
    public boolean useVirtualThreads() {
        return virtualThreads && Runtime.version().feature() >= 21;
    }

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
