package io.crystallize.server.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Webhooks ({@code crystallize.webhooks.*}): the hosts a target URL may name (exact names, or {@code *.domain} for
 * its subdomains; none by default, so nothing can be registered until an operator allows it), the delays between
 * attempts (one retry per delay, so the default makes six attempts), the bounds of one attempt's connection
 * and of the wait for the receiver's answer, and the key that encrypts stored secrets (the base64 of 32 bytes, the
 * same on every node; unset, one is generated into {@code <crystallize.security.data-dir>/webhook-secret-key}).
 */
@ConfigurationProperties("crystallize.webhooks")
public record WebhookProperties(@DefaultValue List<String> allowedHosts,
                                @DefaultValue({"5s", "30s", "2m", "10m", "1h"}) List<Duration> retryDelays,
                                @DefaultValue("5s") Duration connectTimeout,
                                @DefaultValue("10s") Duration readTimeout,
                                String secretKey) {

    public WebhookProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        retryDelays = retryDelays == null ? List.of() : List.copyOf(retryDelays);
    }

    /** The configured key of stored secrets, if set and not blank. */
    public java.util.Optional<String> secretKeyValue() {
        return secretKey == null || secretKey.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(secretKey.trim());
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "WebhookProperties[allowedHosts=" + allowedHosts + ", retryDelays=" + retryDelays + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", secretKey=" + (secretKey == null ? null : "***") + "]";
    }

    /** Whether {@code host} is allowed: equal to an entry, or under a {@code *.domain} entry. */
    public boolean allows(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : allowedHosts) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.equals(h) || (e.startsWith("*.") && h.endsWith(e.substring(1)))) {
                return true;
            }
        }
        return false;
    }
}
