package io.crystallize.server.experiment;

import io.crystallize.server.experiment.internal.DefinitionValidator;
import io.crystallize.server.experiment.internal.ExperimentRepository;
import io.crystallize.server.experiment.internal.Fingerprint;
import io.crystallize.server.experiment.internal.StoredExperiment;

import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Creates, reads, searches and deletes experiments. A rejected definition stores nothing. */
@Service
public class ExperimentService {

    private final ExperimentRepository experiments;
    private final DefinitionValidator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ExperimentService(ExperimentRepository experiments, DefinitionValidator validator, JsonMapper json, Clock clock,
                      ApplicationEventPublisher events) {
        this.events = events;
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
                Fingerprint.of(definition, json), json.writeValueAsString(definition), definition.tags(), clock.instant()));
        return view(stored);
    }

    @Transactional(readOnly = true)
    public ExperimentView get(UUID id) {
        return experiments.findById(id).map(this::view).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    /**
     * A page of experiments: {@code name} matches the whole name, {@code q} a part of it (case-insensitively),
     * and each of {@code tags} ({@code key:value}, or {@code key} for any value) must be carried.
     */
    @Transactional(readOnly = true)
    public Page<ExperimentView> list(String name, String q, List<String> tags, Pageable pageable) {
        Specification<StoredExperiment> where = Specification.unrestricted();
        if (name != null && !name.isBlank()) {
            where = where.and(ExperimentRepository.named(name));
        }
        if (q != null && !q.isBlank()) {
            where = where.and(ExperimentRepository.nameContains(q.strip()));
        }
        for (String tag : tags == null ? List.<String>of() : tags) {
            int colon = tag.indexOf(':');
            String key = colon < 0 ? tag : tag.substring(0, colon);
            if (!DefinitionValidator.TAG_KEY.matcher(key).matches()) {
                throw InvalidRequestException.of("tag", "must be key:value or key, with a key of letters, digits, "
                        + "'.', '_' or '-'; got '" + tag + "'");
            }
            where = where.and(ExperimentRepository.tagged(key, colon < 0 ? null : tag.substring(colon + 1)));
        }
        return experiments.findAll(where, pageable).map(this::view);
    }

    /**
     * Deletes an experiment with all its runs (their data and files): {@link ExperimentDeleting} lets the run
     * module delete them first, or refuse with a 409 while one is QUEUED or RUNNING, which rolls it all back.
     */
    @Transactional
    public void delete(UUID id) {
        StoredExperiment experiment = experiments.findById(id).orElseThrow(() -> new NotFoundException("experiment", id));
        events.publishEvent(new ExperimentDeleting(id, experiment.getName()));
        experiments.delete(experiment);
        experiments.flush();
    }

    private ExperimentView view(StoredExperiment e) {
        return new ExperimentView(e.getId(), e.getName(), e.getFingerprint(), e.getCreatedAt(),
                json.readValue(e.getDefinitionJson(), ExperimentDefinition.class).normalized());
    }
}
