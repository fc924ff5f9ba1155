package io.crystallize.server.remote;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;

/**
 * {@code POST /api/catalog/remote}: a step or datasource that is an HTTP call per unit. Left out: no description,
 * no params, {@code timeout} 30 s, {@code maxConcurrency} 8, {@code retries} 2.
 *
 * @param kind           {@code step} or {@code datasource}
 * @param type           the catalog type definitions use, e.g. {@code py.noise}
 * @param url            where every unit is {@code POST}ed; its host must be in {@code crystallize.remote.allowed-hosts}
 * @param params         the declared params, as the catalog lists them
 * @param timeout        the most one call may take (ISO-8601, e.g. {@code PT30S})
 * @param maxConcurrency calls in flight at once on one node
 * @param retries        further attempts after a connection failure or a 5xx, with the same {@code Idempotency-Key}
 */
public record RemoteRegistrationRequest(String kind, String type, String description, String url, List<Param> params,
                                        String timeout, Integer maxConcurrency, Integer retries) {

    public static final String DEFAULT_TIMEOUT = "PT30S";
    public static final int DEFAULT_MAX_CONCURRENCY = 8;
    public static final int DEFAULT_RETRIES = 2;

    public RemoteRegistrationRequest {
        params = params == null ? List.of() : params;
        description = description == null ? "" : description;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        maxConcurrency = maxConcurrency == null ? DEFAULT_MAX_CONCURRENCY : maxConcurrency;
        retries = retries == null ? DEFAULT_RETRIES : retries;
    }

    /** The timeout as a duration; empty when it is not ISO-8601 (a 400 naming {@code timeout}). */
    public java.util.Optional<Duration> timeoutDuration() {
        try {
            return java.util.Optional.of(Duration.parse(timeout));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * A declared param as {@code GET /api/catalog} shows it. {@code required} left out means "no default given".
     */
    public record Param(String name, String type, Boolean required, @JsonProperty("default") Object defaultValue,
                        String description, Double minimum, List<String> allowed) {

        /** The stored form of a param spec: {@code required} always given. */
        public static Param of(io.crystallize.server.engine.ParamSpec spec) {
            return new Param(spec.name(), spec.type(), spec.required(), spec.defaultValue(), spec.description(),
                    spec.minimum(), spec.allowed());
        }
    }
}
