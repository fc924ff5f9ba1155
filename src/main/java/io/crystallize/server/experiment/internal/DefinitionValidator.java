package io.crystallize.server.experiment.internal;

import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentLimits;
import io.crystallize.server.experiment.Hypotheses;

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

    static final List<String> CORRECTIONS = List.of("holm", "bonferroni", "bh", "none");

    private final Catalog catalog;
    private final ExperimentLimits limits;

    DefinitionValidator(Catalog catalog, ExperimentLimits limits) {
        this.catalog = catalog;
        this.limits = limits;
    }

    /** Every problem of a normalized definition; empty when it is valid. */
    public List<FieldError> validate(ExperimentDefinition d) {
        List<FieldError> errors = new ArrayList<>();
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
        List<Map<String, Object>> conditions = conditionContexts(d);
        component(errors, "datasource", d.datasource(), catalog.datasource(d.datasource().type()), conditions, d);
        for (int i = 0; i < d.steps().size(); i++) {
            ComponentSpec s = d.steps().get(i);
            component(errors, "steps[" + i + "]", s, catalog.step(s.type()), conditions, d);
        }
        validateHypotheses(d, errors);
        validatePlugins(d, errors);
        return errors;
    }

    private static void limit(List<FieldError> errors, String field, int size, int max) {
        if (size > max) {
            errors.add(new FieldError(field, "must hold at most " + max + " entries"));
        }
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
        explicitParams(errors, path, spec, params);
        found.get().validate(spec.params()).forEach((name, problem) ->
                errors.add(new FieldError(path + ".params." + name, problem)));
        if (conditions == null) {
            params.stream().filter(p -> p.required() && !spec.params().containsKey(p.name())).forEach(p ->
                    errors.add(new FieldError(path + ".params." + p.name(), "is required")));
            return;
        }
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
            Optional<List<List<String>>> groups = Hypotheses.groups(h.metrics());
            if (groups.isEmpty()) {
                errors.add(new FieldError(path + ".metrics", "must be a metric name, a list of names or a list of lists of names"));
            } else if (verifier.isPresent()) {
                int max = verifier.get().maxMetricsPerGroup();
                if (groups.get().stream().anyMatch(g -> g.size() > max)) {
                    errors.add(new FieldError(path + ".metrics", "verifier '" + h.verifier().type()
                            + "' compares at most " + max + " metric(s) per group"));
                }
            }
            var ranker = Hypotheses.ranker(h.ranker());
            if (ranker.isEmpty()) {
                errors.add(new FieldError(path + ".ranker",
                        "must be an output key or {\"key\": …, \"direction\": \"asc\"|\"desc\"}"));
            } else if (verifier.isPresent() && verifier.get().outputs().isPresent()
                    && !verifier.get().outputs().get().contains(ranker.get().key())) {
                errors.add(new FieldError(path + ".ranker", "verifier '" + h.verifier().type() + "' has no output '"
                        + ranker.get().key() + "'; its outputs: " + verifier.get().outputs().get()));
            }
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
