package io.crystallize.server.web.internal;

import io.crystallize.server.web.PageResponse;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.core.env.Environment;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema details springdoc cannot infer: the enums of {@code strategy} and {@code correction}, the
 * {@code oneOf} shapes of a hypothesis's {@code metrics} and {@code ranker}, and a bound on every string,
 * integer and array (OWASP API4). Request bounds are the real limits ({@code crystallize.limits.*}, the page
 * size); a string or array without a known limit gets a nominal one, {@value #NOMINAL}, above anything the
 * service accepts in a request body ({@code max-request-size}) or writes in a response.
 */
final class OpenApiSchemas {

    static final int NOMINAL = 10_000_000;

    private final Environment env;

    OpenApiSchemas(Environment env) {
        this.env = env;
    }

    static Schema<Object> typed(String type, String description) {
        Schema<Object> s = new Schema<>();
        s.setType(type);
        s.addType(type);
        return description == null ? s : s.description(description);
    }

    static Schema<Object> object(String description) {
        return typed("object", description);
    }

    static Schema<Object> string(String description, Integer maxLength) {
        Schema<Object> s = typed("string", description);
        s.setMaxLength(maxLength);
        return s;
    }

    static Schema<Object> withEnum(Schema<Object> s, String... values) {
        for (String v : values) {
            s.addEnumItemObject(v);
        }
        return s;
    }

    static Schema<Object> integer(String description, long min, long max) {
        Schema<Object> s = typed("integer", description).format("int32");
        s.setMinimum(BigDecimal.valueOf(min));
        s.setMaximum(BigDecimal.valueOf(max));
        return s;
    }

    static Schema<Object> array(Schema<?> items, String description, int maxItems) {
        Schema<Object> s = typed("array", description);
        s.setItems(items);
        s.setMaxItems(maxItems);
        return s;
    }

    void apply(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        enumOf(schemas, "RunRequest", "strategy", List.of("rerun", "resume"));
        enumOf(schemas, "RunView", "strategy", List.of("rerun", "resume"));
        Schema<?> hypothesis = schemas.get("HypothesisSpec");
        if (hypothesis != null) {
            enumOf(schemas, "HypothesisSpec", "correction", List.of("holm", "bonferroni", "bh", "none"));
            Schema<Object> metric = string("A metric name.", 200);
            Schema<Object> metrics = typed(null, "One metric (`\"mean\"`), one group (`[\"mean\"]`) or several "
                    + "groups (`[[\"mean\"], [\"sum\"]]`; the verifier's output is then a list, one per group).");
            metrics.setType(null);
            metrics.setTypes(null);
            metrics.addOneOfItem(metric).addOneOfItem(array(metric, "One group of metrics.", 100))
                    .addOneOfItem(array(array(metric, "One group of metrics.", 100), "Several groups.", 100));
            Schema<Object> rankerObject = object("Rank by an output key in a direction.")
                    .addProperty("key", string("An output key of the verifier, e.g. `effect_size`.", 100))
                    .addProperty("direction", withEnum(string("`asc`: smallest first; `desc`: largest first.", 4), "asc", "desc"));
            rankerObject.setRequired(List.of("key"));
            Schema<Object> ranker = typed(null, "How treatments are ordered: an output key (`p_value`, the default, "
                    + "`p_adjusted`, `effect_size`, ...) or `{key, direction}`.");
            ranker.setType(null);
            ranker.setTypes(null);
            ranker.addOneOfItem(string("An output key of the verifier.", 100)).addOneOfItem(rankerObject);
            hypothesis.getProperties().put("metrics", metrics);
            hypothesis.getProperties().put("ranker", ranker);
        }
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        schemas.values().forEach(s -> bound(null, s, seen));
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> bound(p.getName(), p.getSchema(), seen));
            }
            if (op.getResponses() != null) {
                op.getResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().values().forEach(m -> bound(null, m.getSchema(), seen));
                    }
                });
            }
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().values().forEach(m -> bound(null, m.getSchema(), seen));
            }
        }));
    }

    private static void enumOf(Map<String, Schema> schemas, String schema, String property, List<String> values) {
        Schema<?> s = schemas.get(schema);
        if (s != null && s.getProperties() != null && s.getProperties().get(property) instanceof Schema<?> p) {
            @SuppressWarnings("unchecked")
            Schema<Object> prop = (Schema<Object>) p;
            values.forEach(prop::addEnumItemObject);
        }
    }

    private static boolean is(Schema<?> s, String type) {
        return type.equals(s.getType()) || (s.getTypes() != null && s.getTypes().contains(type));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void bound(String name, Schema s, Set<Schema<?>> seen) {
        if (s == null || s.get$ref() != null || !seen.add(s)) {
            return;
        }
        if (is(s, "string") && "binary".equals(s.getFormat()) && s.getMaxLength() == null) {
            // Artifact bytes: one artifact is at most crystallize.artifacts.max-artifact-size.
            long max = org.springframework.util.unit.DataSize.parse(
                    env.getProperty("crystallize.artifacts.max-artifact-size", "256MB")).toBytes();
            s.setMaxLength((int) Math.min(Integer.MAX_VALUE, max));
        }
        if (is(s, "string") && s.getMaxLength() == null && s.getEnum() == null && s.getConst() == null) {
            s.setMaxLength("uuid".equals(s.getFormat()) ? 36 : "date-time".equals(s.getFormat()) ? 64
                    : name != null && List.of("name", "q").contains(name) ? 100 : "tag".equals(name) ? 301 : NOMINAL);
        }
        if (is(s, "integer")) {
            integerBounds(name, s);
        }
        if (is(s, "array") && s.getMaxItems() == null) {
            s.setMaxItems(maxItems(name));
        }
        if (s.getProperties() != null) {
            ((Map<String, Schema>) s.getProperties()).forEach((n, p) -> bound(n, p, seen));
        }
        bound(name, s.getItems(), seen);
        if (s.getAdditionalProperties() instanceof Schema<?> additional) {
            bound(null, additional, seen);
        }
        for (List<Schema> composed : new List[] {s.getOneOf(), s.getAnyOf(), s.getAllOf()}) {
            if (composed != null) {
                composed.forEach(c -> bound(name, c, seen));
            }
        }
    }

    private void integerBounds(String name, Schema<?> s) {
        boolean int64 = "int64".equals(s.getFormat());
        if (s.getFormat() == null) {
            s.setFormat("int32");
        }
        if (s.getMinimum() == null) {
            s.setMinimum(BigDecimal.valueOf("replicates".equals(name) || "size".equals(name) ? 1
                    : "page".equals(name) ? 0 : int64 ? Long.MIN_VALUE : Integer.MIN_VALUE));
        }
        if (s.getMaximum() == null) {
            s.setMaximum(BigDecimal.valueOf("replicates".equals(name) ? limit("max-replicates", 1000)
                    : "size".equals(name) ? PageResponse.MAX_SIZE : int64 ? Long.MAX_VALUE : Integer.MAX_VALUE));
        }
    }

    private int maxItems(String name) {
        if (name == null) {
            return NOMINAL;
        }
        return switch (name) {
            case "steps" -> limit("max-steps", 100);
            case "treatments" -> limit("max-treatments", 100);
            case "hypotheses" -> limit("max-hypotheses", 50);
            case "plugins" -> limit("max-plugins", 20);
            case "conditions" -> limit("max-treatments", 100) + 1;
            case "content" -> PageResponse.MAX_SIZE;
            case "tag" -> 50;
            case "status" -> 5;
            default -> NOMINAL;
        };
    }

    private int limit(String property, int fallback) {
        return env.getProperty("crystallize.limits." + property, Integer.class, fallback);
    }
}
