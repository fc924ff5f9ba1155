package io.crystallize.server.web.internal;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request JSON is read strictly: a duplicate key, a string where a number belongs ({@code "replicates": "2"}), a
 * fraction where an integer belongs ({@code 2.5}), a number or boolean where a string belongs ({@code "name": 123})
 * and trailing tokens are errors, never silently coerced. Jackson's own coercion configuration does this (rather
 * than checks of ours) so every typed field of every request record is covered at once.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    /**
     * Spring MVC's JSON converter is {@link SizedJsonConverter} (the same mapper), in the place of Boot's: this
     * customizer runs after Boot's ({@code @Order(0)}), whose converter it replaces. Not a converter bean, which Boot
     * would put before every other converter (ahead of those for {@code byte[]} and streams).
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer sizedJson(
            tools.jackson.databind.json.JsonMapper mapper) {
        return builder -> builder.withJsonConverter(new SizedJsonConverter(mapper));
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                // Not strictness: doubles written by Schubfach (Java 19+'s Double.toString) rather than Java 17's
                // slower algorithm: the same shortest text on every JDK, and a fifth of the time spent building a results document in a profile.
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
