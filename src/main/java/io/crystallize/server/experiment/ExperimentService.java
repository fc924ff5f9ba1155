package io.crystallize.server.experiment;

import io.crystallize.server.experiment.internal.DefinitionValidator;
import io.crystallize.server.experiment.internal.ExperimentRepository;
import io.crystallize.server.experiment.internal.Fingerprint;
import io.crystallize.server.experiment.internal.StoredExperiment;

import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Creates, reads and lists experiments. A rejected definition stores nothing. */
@Service
public class ExperimentService {

    private final ExperimentRepository experiments;
    private final DefinitionValidator validator;
    private final JsonMapper json;
    private final Clock clock;

    ExperimentService(ExperimentRepository experiments, DefinitionValidator validator, JsonMapper json, Clock clock) {
        this.experiments = experiments;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public ExperimentView create(ExperimentDefinition submitted) {
        ExperimentDefinition definition = submitted.normalized();
        List<FieldError> errors = validator.validate(definition);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (experiments.existsByName(definition.name())) {
            throw new ConflictException("an experiment named '" + definition.name() + "' already exists");
        }
        StoredExperiment stored = experiments.saveAndFlush(new StoredExperiment(definition.name(),
                Fingerprint.of(definition, json), json.writeValueAsString(definition), clock.instant()));
        return view(stored);
    }

    @Transactional(readOnly = true)
    public ExperimentView get(UUID id) {
        return experiments.findById(id).map(this::view).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    /** The experiment of that name (names are unique), for experiment graphs. */
    @Transactional(readOnly = true)
    public java.util.Optional<ExperimentView> findByName(String name) {
        return experiments.findByName(name, Pageable.ofSize(1)).stream().findFirst().map(this::view);
    }

    @Transactional(readOnly = true)
    public Page<ExperimentView> list(String name, Pageable pageable) {
        Page<StoredExperiment> page = name == null || name.isBlank() ? experiments.findAll(pageable)
                : experiments.findByName(name, pageable);
        return page.map(this::view);
    }

    private ExperimentView view(StoredExperiment e) {
        return new ExperimentView(e.getId(), e.getName(), e.getFingerprint(), e.getCreatedAt(),
                json.readValue(e.getDefinitionJson(), ExperimentDefinition.class));
    }
}
