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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, reads and lists experiments. A rejected definition stores nothing. An experiment belongs to the
 * workspace it was created in; lists show only the caller's workspaces ({@link WorkspaceAccess}); reads by id are
 * checked before the handler runs (through {@link #workspaceOf}, see {@code ExperimentWorkspaces}).
 */
@Service
public class ExperimentService {

    private final ExperimentRepository experiments;
    private final DefinitionValidator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final WorkspaceAccess access;

    ExperimentService(ExperimentRepository experiments, DefinitionValidator validator, JsonMapper json, Clock clock,
                      WorkspaceAccess access) {
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
                Fingerprint.of(definition, json), json.writeValueAsString(definition.withoutWorkspace()), clock.instant()));
        return view(stored);
    }

    @Transactional(readOnly = true)
    public ExperimentView get(UUID id) {
        return experiments.findById(id).map(this::view).orElseThrow(() -> new NotFoundException("experiment", id));
    }

    /** The experiments of the caller's workspaces (every experiment for an admin). */
    @Transactional(readOnly = true)
    public Page<ExperimentView> list(String name, Pageable pageable) {
        boolean all = name == null || name.isBlank();
        Optional<Set<UUID>> readable = access.readableWorkspaces();
        Page<StoredExperiment> page;
        if (readable.isEmpty()) {
            page = all ? experiments.findAll(pageable) : experiments.findByName(name, pageable);
        } else {
            page = all ? experiments.findByWorkspaceIdIn(readable.get(), pageable)
                    : experiments.findByNameAndWorkspaceIdIn(name, readable.get(), pageable);
        }
        return page.map(this::view);
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
                json.readValue(e.getDefinitionJson(), ExperimentDefinition.class), e.getWorkspaceId());
    }
}
