package io.crystallize.server.experiment;

import io.crystallize.server.access.WorkspaceAccess;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, reads, searches and deletes experiments. A rejected definition stores nothing ({@link ExperimentCreating}
 * lets other modules refuse it too). An experiment belongs to
 * the workspace it was created in; lists show only the caller's workspaces ({@link WorkspaceAccess}); reads by id
 * are checked before the handler runs (through {@link #workspaceOf}, see {@code ExperimentWorkspaces}).
 */
@Service
public class ExperimentService {

    private final ExperimentRepository experiments;
    private final DefinitionValidator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final WorkspaceAccess access;
    private final ApplicationEventPublisher events;

    ExperimentService(ExperimentRepository experiments, DefinitionValidator validator, JsonMapper json, Clock clock,
                      WorkspaceAccess access, ApplicationEventPublisher events) {
        this.events = events;
        this.experiments = experiments;
        this.access = access;
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
        UUID workspace = workspace(definition.workspace());
        access.requireWrite(workspace);
        if (experiments.existsByName(definition.name())) {
            throw new ConflictException("an experiment named '" + definition.name() + "' already exists");
        }
        StoredExperiment stored = experiments.saveAndFlush(new StoredExperiment(workspace, definition.name(),
                Fingerprint.of(definition, json), json.writeValueAsString(definition.withoutWorkspace()), definition.tags(),
                clock.instant()));
        events.publishEvent(new ExperimentCreating(stored.getId(), definition.withoutWorkspace()));
        return view(stored);
    }

    /**
     * Locks the experiment's row until the caller's transaction ends (call inside one), so that what its runs
     * allocate from it (a version; the turn to use the v0 folder) is decided by one transaction at a time.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lock(UUID id) {
        experiments.lockById(id).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    @Transactional(readOnly = true)
    public ExperimentView get(UUID id) {
        return experiments.findById(id).map(this::view).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    /**
     * The experiment of that name in that workspace (names are unique), for experiment graphs: an experiment reads
     * only experiments of its own workspace.
     */
    @Transactional(readOnly = true)
    public Optional<ExperimentView> findByName(String name, UUID workspaceId) {
        return experiments.findAll(ExperimentRepository.named(name)).stream()
                .filter(e -> e.getWorkspaceId().equals(workspaceId)).findFirst().map(this::view);
    }

    /** The id of the experiment of that name in that workspace, without reading its definition. */
    @Transactional(readOnly = true)
    public Optional<UUID> idOf(String name, UUID workspaceId) {
        return experiments.findIdByNameAndWorkspace(name, workspaceId);
    }

    /**
     * A page of the caller's experiments (every experiment for an admin): {@code name} matches the whole name,
     * {@code q} a part of it (case-insensitively), and each of {@code tags} ({@code key:value}, or {@code key} for
     * any value) must be carried.
     */
    @Transactional(readOnly = true)
    public Page<ExperimentView> list(String name, String q, List<String> tags, Pageable pageable) {
        Specification<StoredExperiment> where = Specification.unrestricted();
        Optional<Set<UUID>> readable = access.readableWorkspaces();
        if (readable.isPresent()) {
            where = where.and(ExperimentRepository.inWorkspaces(readable.get()));
        }
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

    /** The workspace of an experiment, which is also the workspace of its runs and everything they store. */
    @Transactional(readOnly = true)
    public Optional<UUID> workspaceOf(UUID experimentId) {
        return experiments.findWorkspaceId(experimentId);
    }

    private UUID workspace(String requested) {
        if (requested == null) {
            return access.personalWorkspace();
        }
        try {
            return UUID.fromString(requested);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError("workspace", "must be a workspace id")));
        }
    }

    private ExperimentView view(StoredExperiment e) {
        return new ExperimentView(e.getId(), e.getName(), e.getFingerprint(), e.getCreatedAt(),
                json.readValue(e.getDefinitionJson(), ExperimentDefinition.class).normalized(), e.getWorkspaceId());
    }
}
