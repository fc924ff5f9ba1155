package io.crystallize.server.remote;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Remote components ({@code crystallize.remote.*}): which hosts they may call and the bounds of every call.
 *
 * @param allowedHosts    host names (or {@code *.example.com} for its subdomains) a remote URL may name; empty:
 *                        no remote component can be registered
 * @param maxResponseSize the largest answer read from a remote; a larger one is that unit's error
 * @param connectTimeout  how long opening a connection may take (a failure is retried like a refused connection)
 * @param maxTimeout      the largest {@code timeout} a registration may ask for
 * @param maxConcurrency  the largest {@code maxConcurrency} a registration may ask for
 * @param maxRetries      the largest {@code retries} a registration may ask for
 * @param retryBackoff    the wait before the first retry; it doubles for each further one
 */
@ConfigurationProperties("crystallize.remote")
public record RemoteProperties(@DefaultValue({}) List<String> allowedHosts,
                               @DefaultValue("16MB") DataSize maxResponseSize,
                               @DefaultValue("5s") Duration connectTimeout,
                               @DefaultValue("10m") Duration maxTimeout,
                               @DefaultValue("256") int maxConcurrency,
                               @DefaultValue("10") int maxRetries,
                               @DefaultValue("200ms") Duration retryBackoff) {

    public static final String ALLOWED_HOSTS = "crystallize.remote.allowed-hosts";
    public static final String MAX_RESPONSE_SIZE = "crystallize.remote.max-response-size";

    /** Whether the host of {@code url} is allowed: equal to an entry, or a subdomain of a {@code *.} entry. */
    public boolean allows(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return allowedHosts.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).anyMatch(a ->
                a.startsWith("*.") ? h.endsWith(a.substring(1)) : h.equals(a));
    }
}
