package io.crystallize.server.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves parameters in the order of SPEC §1: the explicit params of the definition, else the context
 * key of the same name (so treatments can vary them), else the declared default.
 */
public final class ParamResolver {

    private ParamResolver() {
    }

    public static Params resolve(String owner, List<ParamSpec> specs, Map<String, Object> explicit, FrozenContext ctx) {
        Map<String, Object> resolved = new LinkedHashMap<>(specs.size() * 2);
        java.util.Set<String> given = explicit == null || explicit.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>();
        for (ParamSpec spec : specs) {
            Object value;
            String source;
            if (explicit != null && explicit.containsKey(spec.name())) {
                value = explicit.get(spec.name());
                source = "params";
                given.add(spec.name());
            } else if (ctx != null && ctx.contains(spec.name())) {
                value = ctx.get(spec.name()).orElse(null);
                source = "context key";
            } else if (!spec.required()) {
                value = spec.defaultValue();
                source = "default";
            } else {
                throw new IllegalArgumentException("Parameter '" + spec.name() + "' of " + owner
                        + " is not in its params nor in the context, and has no default");
            }
            String name = spec.name();
            Object checked = value;
            spec.check(value).ifPresent(problem -> {
                throw new IllegalArgumentException("Parameter '" + name + "' of " + owner + " (from " + source + ") "
                        + problem + ": " + checked);
            });
            resolved.put(spec.name(), value);
        }
        return new Params(resolved, given.isEmpty() ? java.util.Set.of() : java.util.Collections.unmodifiableSet(given),
                true);
    }
}
