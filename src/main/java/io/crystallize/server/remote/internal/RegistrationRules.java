package io.crystallize.server.remote.internal;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.remote.RemoteProperties;
import io.crystallize.server.remote.RemoteRegistrationRequest;
import io.crystallize.server.remote.RemoteRegistrationRequest.Param;
import io.crystallize.server.problem.FieldError;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of a registration, each problem naming its field (API.md: a URL outside the allow-list names {@code url}). */
final class RegistrationRules {

    static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final int MAX_PARAMS = 100;
    static final int MAX_TEXT = 2000;

    private RegistrationRules() {
    }

    static List<FieldError> check(RemoteRegistrationRequest r, RemoteProperties props) {
        List<FieldError> errors = new ArrayList<>();
        if (!RemoteDefinition.STEP.equals(r.kind()) && !RemoteDefinition.DATASOURCE.equals(r.kind())) {
            errors.add(new FieldError("kind", "must be 'step' or 'datasource'"));
        }
        if (r.type() == null || !TYPE.matcher(r.type()).matches()) {
            errors.add(new FieldError("type", "must be 1-100 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit"));
        }
        if (r.description().length() > MAX_TEXT) {
            errors.add(new FieldError("description", "must be at most " + MAX_TEXT + " characters"));
        }
        url(r.url(), props).ifPresent(problem -> errors.add(new FieldError("url", problem)));
        params(r.params(), errors);
        Duration timeout = r.timeoutDuration().orElse(null);
        if (timeout == null) {
            errors.add(new FieldError("timeout", "must be an ISO-8601 duration such as PT30S, got '" + r.timeout() + "'"));
        } else if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(props.maxTimeout()) > 0) {
            errors.add(new FieldError("timeout", "must be more than 0 and at most " + props.maxTimeout()
                    + " (crystallize.remote.max-timeout), got " + timeout));
        }
        if (r.maxConcurrency() < 1 || r.maxConcurrency() > props.maxConcurrency()) {
            errors.add(new FieldError("maxConcurrency", "must be between 1 and " + props.maxConcurrency()
                    + " (crystallize.remote.max-concurrency)"));
        }
        if (r.retries() < 0 || r.retries() > props.maxRetries()) {
            errors.add(new FieldError("retries", "must be between 0 and " + props.maxRetries()
                    + " (crystallize.remote.max-retries)"));
        }
        return errors;
    }

    private static java.util.Optional<String> url(String url, RemoteProperties props) {
        if (url == null || url.isBlank()) {
            return java.util.Optional.of("is required");
        }
        if (url.length() > MAX_TEXT) {
            return java.util.Optional.of("must be at most " + MAX_TEXT + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return java.util.Optional.of("is not a URL: " + e.getMessage());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            return java.util.Optional.of("must be an absolute http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return java.util.Optional.of("must not carry credentials (they would be stored and shown)");
        }
        if (!props.allows(uri)) {
            return java.util.Optional.of("host '" + uri.getHost() + "' is not in " + RemoteProperties.ALLOWED_HOSTS
                    + (props.allowedHosts().isEmpty() ? " (empty: no remote component may be registered)" : ""));
        }
        return java.util.Optional.empty();
    }

    private static void params(List<Param> params, List<FieldError> errors) {
        if (params.size() > MAX_PARAMS) {
            errors.add(new FieldError("params", "must hold at most " + MAX_PARAMS + " entries"));
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            String at = "params[" + i + "]";
            if (p == null) {
                errors.add(new FieldError(at, "must be a param spec {name, type, required, default, description}"));
                continue;
            }
            if (p.name() == null || p.name().isBlank() || p.name().length() > 100) {
                errors.add(new FieldError(at + ".name", "must be 1-100 characters"));
            } else if (!names.add(p.name())) {
                errors.add(new FieldError(at + ".name", "duplicate param '" + p.name() + "'"));
            }
            if (!ParamSpec.TYPES.contains(p.type())) {
                errors.add(new FieldError(at + ".type", "must be one of " + ParamSpec.TYPES));
                continue;
            }
            if (Boolean.TRUE.equals(p.required()) && p.defaultValue() != null) {
                errors.add(new FieldError(at + ".default", "a required param has no default"));
            } else if (p.defaultValue() != null) {
                spec(p).check(p.defaultValue()).ifPresent(problem -> errors.add(new FieldError(at + ".default", problem)));
            }
        }
    }

    /** The catalog's param spec; {@code required} left out means "required unless a default is given". */
    static ParamSpec spec(Param p) {
        boolean required = p.required() != null ? p.required() : p.defaultValue() == null;
        return new ParamSpec(p.name(), p.type(), required, p.defaultValue(), p.description() == null ? "" : p.description(),
                p.minimum(), p.allowed() == null ? null : List.copyOf(p.allowed()));
    }
}
