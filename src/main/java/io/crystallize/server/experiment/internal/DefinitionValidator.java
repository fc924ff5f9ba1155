package io.crystallize.server.experiment.internal;

import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentLimits;

import io.crystallize.server.catalog.Catalog;
import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.spi.Described;
import io.crystallize.server.engine.spi.Verifier;
import io.crystallize.server.experiment.ExperimentDefinition.ComponentSpec;
import io.crystallize.server.experiment.ExperimentDefinition.HypothesisSpec;
import io.crystallize.server.experiment.ExperimentDefinition.TreatmentSpec;
import io.crystallize.server.problem.FieldError;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of API.md that span the catalog: types exist, params are known and well typed, required
 * params resolve for every condition, treatments do not clash with the initial context or reserved keys,
 * hypotheses have treatments and valid metric specs, and the limits hold.
 */
@Component
public class DefinitionValidator {

    /** The same rule as the experiment's name: condition names become artifact folder names. */
    static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("^(?!\\.{1,2}$)[A-Za-z0-9][A-Za-z0-9._-]*$");

    public static final java.util.regex.Pattern TAG_KEY = java.util.regex.Pattern.compile("^[A-Za-z0-9._-]{1,100}$");

    static final List<String> CORRECTIONS = List.of("holm", "bonferroni", "bh", "none");

    /**
     * Names an experiment's folder may not have: {@code v<number>} is a version folder, so an experiment of that name
     * under another's folder would share files with it.
     */
    static final java.util.regex.Pattern RESERVED_NAME = java.util.regex.Pattern.compile("^v\\d+$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Catalog catalog;
    private final ExperimentLimits limits;

    DefinitionValidator(Catalog catalog, ExperimentLimits limits) {
        this.catalog = catalog;
        this.limits = limits;
    }

    /** Every problem of a normalized definition; empty when it is valid. */
    public List<FieldError> validate(ExperimentDefinition d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.name() != null && RESERVED_NAME.matcher(d.name()).matches()) {
            errors.add(new FieldError("name", "must not look like a version folder (v<number>): it names the "
                    + "experiment's artifact folder"));
        }
        if (d.replicates() < 1 || d.replicates() > limits.maxReplicates()) {
            errors.add(new FieldError("replicates", "must be between 1 and " + limits.maxReplicates()));
        }
        limit(errors, "steps", d.steps().size(), limits.maxSteps());
        limit(errors, "treatments", d.treatments().size(), limits.maxTreatments());
        limit(errors, "hypotheses", d.hypotheses().size(), limits.maxHypotheses());
        limit(errors, "plugins", d.plugins().size(), limits.maxPlugins());
        d.initialContext().keySet().stream().filter(ContextKeys.RESERVED::contains).forEach(k ->
                errors.add(new FieldError("initialContext." + k, "is a reserved key set by the engine")));
        validateTreatments(d, errors);
        validateTags(d, errors);
        List<Map<String, Object>> conditions = conditionContexts(d);
        component(errors, "datasource", d.datasource(), catalog.datasource(d.datasource().type()), conditions, d);
        for (int i = 0; i < d.steps().size(); i++) {
            ComponentSpec s = d.steps().get(i);
            component(errors, "steps[" + i + "]", s, catalog.step(s.type()), conditions, d);
        }
        validateHypotheses(d, errors);
        validatePlugins(d, errors);
        List<FieldError> numbers = new ArrayList<>();
        numbers(d, numbers);
        numbers.stream().filter(n -> errors.stream().noneMatch(e -> e.field().equals(n.field()))).forEach(errors::add);
        return errors;
    }

    /** Every number anywhere in the definition fits 64 bits and is finite. */
    private static void numbers(ExperimentDefinition d, List<FieldError> errors) {
        JsonNumberRules.check(errors, "initialContext", d.initialContext());
        JsonNumberRules.check(errors, "datasource.params", d.datasource().params());
        for (int i = 0; i < d.steps().size(); i++) {
            JsonNumberRules.check(errors, "steps[" + i + "].params", d.steps().get(i).params());
        }
        for (int i = 0; i < d.treatments().size(); i++) {
            JsonNumberRules.check(errors, "treatments[" + i + "].context", d.treatments().get(i).context());
        }
        for (int i = 0; i < d.hypotheses().size(); i++) {
            JsonNumberRules.check(errors, "hypotheses[" + i + "].verifier.params", d.hypotheses().get(i).verifier().params());
        }
        for (int i = 0; i < d.plugins().size(); i++) {
            JsonNumberRules.check(errors, "plugins[" + i + "].params", d.plugins().get(i).params());
        }
    }

    private static void limit(List<FieldError> errors, String field, int size, int max) {
        if (size > max) {
            errors.add(new FieldError(field, "must hold at most " + max + " entries"));
        }
    }

    /** Tag keys are plain words (no {@code :}, which separates key and value in {@code ?tag=}); values are short. */
    private static void validateTags(ExperimentDefinition d, List<FieldError> errors) {
        limit(errors, "tags", d.tags().size(), ExperimentDefinition.MAX_TAGS);
        d.tags().forEach((key, value) -> {
            if (!TAG_KEY.matcher(key).matches()) {
                errors.add(new FieldError("tags." + key, "a tag key must be 1-100 letters, digits, '.', '_' or '-'"));
            } else if (value == null || value.length() > 200) {
                errors.add(new FieldError("tags." + key, "a tag value must be a string of at most 200 characters"));
            }
        });
    }

    private void validateTreatments(ExperimentDefinition d, List<FieldError> errors) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < d.treatments().size(); i++) {
            TreatmentSpec t = d.treatments().get(i);
            if (!SAFE_NAME.matcher(t.name()).matches()) {
                errors.add(new FieldError("treatments[" + i + "].name", "must be a safe folder name: letters, digits, "
                        + "'.', '_' or '-', starting with a letter or digit (it names the condition's artifact folder)"));
            }
            if (!names.add(t.name())) {
                errors.add(new FieldError("treatments[" + i + "].name", "duplicate treatment name '" + t.name() + "'"));
            }
            for (String key : t.context().keySet()) {
                String field = "treatments[" + i + "].context." + key;
                if (ContextKeys.RESERVED.contains(key)) {
                    errors.add(new FieldError(field, "is a reserved key set by the engine"));
                } else if (d.initialContext().containsKey(key)) {
                    errors.add(new FieldError(field, "is already in initialContext; context keys cannot be changed"));
                }
            }
        }
    }

    /** Per condition (baseline first), the context keys a unit starts with, before any step runs. */
    static List<Map<String, Object>> conditionContexts(ExperimentDefinition d) {
        Map<String, Object> baseline = new LinkedHashMap<>(d.initialContext());
        ContextKeys.RESERVED.forEach(k -> baseline.put(k, 0L));
        d.treatments().stream().filter(t -> t.name().equals(ContextKeys.BASELINE_CONDITION))
                .forEach(t -> baseline.putAll(t.context()));
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(baseline);
        d.treatments().stream().filter(t -> !t.name().equals(ContextKeys.BASELINE_CONDITION)).forEach(t -> {
            Map<String, Object> ctx = new LinkedHashMap<>(d.initialContext());
            ContextKeys.RESERVED.forEach(k -> ctx.put(k, 0L));
            ctx.putAll(t.context());
            out.add(ctx);
        });
        return out;
    }

    private void component(List<FieldError> errors, String path, ComponentSpec spec, Optional<? extends Described> found,
                           List<Map<String, Object>> conditions, ExperimentDefinition d) {
        if (spec.cache() != null && !path.startsWith("steps[")) {
            errors.add(new FieldError(path + ".cache", "only steps can be cached"));
        }
        if (found.isEmpty()) {
            errors.add(new FieldError(path + ".type", "unknown type '" + spec.type() + "'"));
            return;
        }
        List<ParamSpec> params = found.get().params();
        int before = errors.size();
        explicitParams(errors, path, spec, params);
        if (conditions == null) {
            params.stream().filter(p -> p.required() && !spec.params().containsKey(p.name())).forEach(p ->
                    errors.add(new FieldError(path + ".params." + p.name(), "is required")));
            if (errors.size() == before) {
                // Plugins and verifiers see their explicit params only: "absent" has a meaning of its own there.
                found.get().validate(spec.params()).forEach((name, problem) ->
                        errors.add(new FieldError(path + ".params." + name, problem)));
            }
            return;
        }
        conditionParams(errors, path, spec, found.get(), conditions, d);
        if (errors.size() == before) {
            // Rules across params (low < high, the span of a range), with the values each condition's unit will see.
            Set<String> reported = new HashSet<>();
            for (int c = 0; c < conditions.size(); c++) {
                Map<String, Object> ctx = conditions.get(c);
                int condition = c;
                found.get().validate(resolved(params, spec, ctx)).forEach((name, problem) -> {
                    // Named where the value came from: the explicit param, else the context key that fed it.
                    String field = !spec.params().containsKey(name) && ctx.containsKey(name)
                            && !ContextKeys.RESERVED.contains(name) ? contextField(d, condition, name) : path + ".params." + name;
                    if (reported.add(field + problem)) {
                        errors.add(new FieldError(field, problem));
                    }
                });
            }
        }
    }

    /** A component's params as a unit resolves them: explicit, else the context key, else the default. */
    private static Map<String, Object> resolved(List<ParamSpec> params, ComponentSpec spec, Map<String, Object> ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            Object value = spec.params().containsKey(p.name()) ? spec.params().get(p.name())
                    : ctx.containsKey(p.name()) && !ContextKeys.RESERVED.contains(p.name()) ? ctx.get(p.name())
                    : p.defaultValue();
            if (value != null) {
                out.put(p.name(), value);
            }
        }
        return out;
    }

    private void conditionParams(List<FieldError> errors, String path, ComponentSpec spec, Described found,
                                 List<Map<String, Object>> conditions, ExperimentDefinition d) {
        List<ParamSpec> params = found.params();
        for (ParamSpec p : params) {
            if (spec.params().containsKey(p.name())) {
                continue;
            }
            for (int c = 0; c < conditions.size(); c++) {
                String condition = c == 0 ? ContextKeys.BASELINE_CONDITION : nonBaseline(d).get(c - 1);
                Map<String, Object> ctx = conditions.get(c);
                if (ctx.containsKey(p.name()) && !ContextKeys.RESERVED.contains(p.name())) {
                    Optional<String> problem = p.check(ctx.get(p.name()));
                    if (problem.isPresent()) {
                        errors.add(new FieldError(contextField(d, c, p.name()), "feeds parameter '" + p.name()
                                + "' of " + path + " and " + problem.get()));
                    }
                } else if (p.required() && !ctx.containsKey(p.name())) {
                    errors.add(new FieldError(path + ".params." + p.name(), "is required and resolves from no "
                            + "param, context key or default for condition '" + condition + "'"));
                    break;
                }
            }
        }
    }

    private static List<String> nonBaseline(ExperimentDefinition d) {
        return d.treatments().stream().map(TreatmentSpec::name)
                .filter(n -> !n.equals(ContextKeys.BASELINE_CONDITION)).toList();
    }

    private static String contextField(ExperimentDefinition d, int condition, String key) {
        String name = condition == 0 ? ContextKeys.BASELINE_CONDITION : nonBaseline(d).get(condition - 1);
        for (int i = 0; i < d.treatments().size(); i++) {
            if (d.treatments().get(i).name().equals(name) && d.treatments().get(i).context().containsKey(key)) {
                return "treatments[" + i + "].context." + key;
            }
        }
        return "initialContext." + key;
    }

    private static void explicitParams(List<FieldError> errors, String path, ComponentSpec spec, List<ParamSpec> params) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        params.forEach(p -> byName.put(p.name(), p));
        spec.params().forEach((name, value) -> {
            ParamSpec p = byName.get(name);
            if (p == null) {
                errors.add(new FieldError(path + ".params." + name, "unknown parameter; known: " + byName.keySet()));
            } else {
                p.check(value).ifPresent(problem -> errors.add(new FieldError(path + ".params." + name, problem)));
            }
        });
    }

    private void validateHypotheses(ExperimentDefinition d, List<FieldError> errors) {
        if (!d.hypotheses().isEmpty() && nonBaseline(d).isEmpty()) {
            errors.add(new FieldError("hypotheses", "hypotheses need at least one treatment to compare with the baseline"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < d.hypotheses().size(); i++) {
            HypothesisSpec h = d.hypotheses().get(i);
            String path = "hypotheses[" + i + "]";
            if (!names.add(h.name() == null ? "hypothesis" : h.name())) {
                errors.add(new FieldError(path + ".name", "duplicate hypothesis name"));
            }
            Optional<Verifier> verifier = catalog.verifier(h.verifier().type());
            component(errors, path + ".verifier", h.verifier(), verifier, null, d);
            HypothesisChecks.metricsAndRanker(errors, path, h, verifier);
            if (h.correction() != null && !CORRECTIONS.contains(h.correction())) {
                errors.add(new FieldError(path + ".correction", "must be one of " + CORRECTIONS));
            }
        }
    }

    private void validatePlugins(ExperimentDefinition d, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < d.plugins().size(); i++) {
            ComponentSpec p = d.plugins().get(i);
            component(errors, "plugins[" + i + "]", p, catalog.plugin(p.type()), null, d);
            if (!seen.add(p.type())) {
                errors.add(new FieldError("plugins[" + i + "].type", "plugin '" + p.type() + "' is listed twice"));
            }
        }
    }
}
