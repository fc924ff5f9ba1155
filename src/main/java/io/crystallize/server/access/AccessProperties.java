package io.crystallize.server.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code crystallize.security.*}: how the service lets callers in.
 *
 * @param bootstrapToken the admin's token (environment {@code CRYSTALLIZE_SECURITY_BOOTSTRAP_TOKEN}); when unset
 *                       and no admin token exists, one is generated into {@code <dataDir>/bootstrap-token}
 * @param dataDir        where the generated bootstrap token (and the webhook module's generated key) is written
 * @param cors           cross-origin access to {@code /api/**}: off unless origins are listed
 * @param jwt            single sign-on: which claim of an accepted JWT names the user
 */
@ConfigurationProperties("crystallize.security")
public record AccessProperties(String bootstrapToken, @DefaultValue("./data") Path dataDir, @DefaultValue Cors cors,
                               @DefaultValue Jwt jwt) {

    /** @param allowedOrigins origins allowed to call the API from a browser, e.g. {@code https://lab.example.org} */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    /** @param userClaim the JWT claim whose value becomes the user's name (created on first use) */
    public record Jwt(@DefaultValue("sub") String userClaim) {
    }

    /** The configured bootstrap token, if one is set and not blank. */
    public java.util.Optional<String> bootstrapTokenValue() {
        return bootstrapToken == null || bootstrapToken.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(bootstrapToken.trim());
    }
}
