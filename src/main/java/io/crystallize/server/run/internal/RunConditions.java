package io.crystallize.server.run.internal;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.run.RunRequest;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Immutable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's conditions ({@code baseline} and its active treatments, in order): those a run request asks for, and
 * their column, a JSON list ({@code ["baseline","t1"]}) that {@link Run#getConditions()} holds parsed, once per
 * load of the row. Immutable: the run's list never changes, so Hibernate neither copies nor compares it.
 */
@Converter
@Immutable
final class RunConditions implements AttributeConverter<List<String>, String> {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    /** The column's text is what the service's mapper wrote before the converter: a list of strings, no options. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(List<String> conditions) {
        return conditions == null ? null : JSON.writeValueAsString(conditions);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null ? null : List.copyOf(JSON.readValue(column, STRINGS));
    }

    /**
     * The conditions a run request asks for: {@code baseline} and the chosen treatments in definition order; a 400
     * naming each bad field (replicates, strategy, treatments) otherwise.
     */
    static List<String> requested(ExperimentDefinition d, RunRequest r, boolean debug, int replicates, String strategy,
                                  int maxReplicates) {
        List<FieldError> errors = new ArrayList<>();
        if (replicates < 1 || replicates > maxReplicates) {
            errors.add(new FieldError("replicates", "must be between 1 and " + maxReplicates));
        }
        if (!strategy.equals("rerun") && !strategy.equals("resume")) {
            errors.add(new FieldError("strategy", "must be 'rerun' or 'resume'"));
        }
        List<String> defined = d.treatments().stream().map(ExperimentDefinition.TreatmentSpec::name)
                .filter(n -> !n.equals(ContextKeys.BASELINE_CONDITION)).toList();
        List<String> chosen = defined;
        if (r.treatments() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < r.treatments().size(); i++) {
                String t = r.treatments().get(i);
                if (!defined.contains(t)) {
                    errors.add(new FieldError("treatments[" + i + "]", "unknown treatment '" + t + "'; defined: " + defined));
                } else if (!seen.add(t)) {
                    errors.add(new FieldError("treatments[" + i + "]", "listed twice"));
                }
            }
            chosen = defined.stream().filter(seen::contains).toList();
            if (!debug && !d.hypotheses().isEmpty() && chosen.isEmpty() && errors.isEmpty()) {
                errors.add(new FieldError("treatments", "the experiment's hypotheses need at least one treatment"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<String> conditions = new ArrayList<>();
        conditions.add(ContextKeys.BASELINE_CONDITION);
        conditions.addAll(chosen);
        return conditions;
    }
}
