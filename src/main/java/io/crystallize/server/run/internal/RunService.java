package io.crystallize.server.run.internal;

import io.crystallize.server.run.ResultsView;
import io.crystallize.server.run.RunRequest;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunView;
import io.crystallize.server.run.SeedView;
import io.crystallize.server.run.UnitView;
import io.crystallize.server.run.ProvenanceView;

import io.crystallize.server.engine.ContextKeys;
import io.crystallize.server.engine.UnitStatus;
import io.crystallize.server.engine.plugins.SeedPlugin;
import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentDefinition.ComponentSpec;
import io.crystallize.server.experiment.ExperimentLimits;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Starting, cancelling and reading runs. A run is stored QUEUED and scheduled in the same transaction. */
@Service
public class RunService {


    private final RunRepository runs;
    private final RunUnitRepository units;
    private final UnitStore unitStore;
    private final ExperimentService experiments;
    private final ExperimentLimits limits;
    private final CancellationRegistry cancellations;
    private final RunViews views;
    private final RunLogStore logs;
    private final ResultsCsv csv;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final KeptResults keptResults;
    private final UpstreamRuns upstream;
    private final UpstreamRelease release;

    RunService(RunRepository runs, RunUnitRepository units, UnitStore unitStore, ExperimentService experiments,
               ExperimentLimits limits,
               CancellationRegistry cancellations, RunViews views, RunLogStore logs, ResultsCsv csv, JsonMapper json, Clock clock, TransactionTemplate tx,
               KeptResults keptResults, UpstreamRuns upstream, UpstreamRelease release) {
        this.keptResults = keptResults;
        this.upstream = upstream;
        this.release = release;
        this.runs = runs;
        this.units = units;
        this.unitStore = unitStore;
        this.experiments = experiments;
        this.limits = limits;
        this.cancellations = cancellations;
        this.views = views;
        this.logs = logs;
        this.csv = csv;
        this.json = json;
        this.clock = clock;
        this.tx = tx;
    }

    @Transactional
    public RunView start(UUID experimentId, RunRequest request) {
        ExperimentView experiment = experiments.get(experimentId);
        RunRequest r = request == null ? RunRequest.DEFAULTS : request;
        List<UUID> upstreamRuns = new ArrayList<>();
        if (Boolean.TRUE.equals(r.withUpstream())) {
            Map<String, UUID> runOf = new java.util.LinkedHashMap<>();
            for (UpstreamRuns.Step step : upstream.plan(experiment)) {
                runOf.put(step.experiment().name(), create(step.experiment(), RunRequest.DEFAULTS,
                        step.after().stream().map(runOf::get).toList()).getId());
            }
            upstreamRuns.addAll(runOf.values());
        }
        return views.view(create(experiment, r, upstreamRuns));
    }

    /** Stores one run QUEUED and schedules it, unless it waits for {@code upstreamRuns} (then they release it). */
    private Run create(ExperimentView experiment, RunRequest r, List<UUID> upstreamRuns) {
        UUID experimentId = experiment.id();
        ExperimentDefinition d = experiment.definition();
        boolean debug = Boolean.TRUE.equals(r.debug());
        String strategy = r.strategy() == null ? "rerun" : r.strategy();
        int replicates = debug ? 1 : r.replicates() == null ? d.replicates() : r.replicates();
        List<String> conditions = conditions(d, r, debug, replicates, strategy);
        Optional<Run> previous = runs.findFirstByExperimentIdOrderByCreatedAtDesc(experimentId);
        boolean resume = strategy.equals("resume") && previous.isPresent();
        if (resume && !previous.get().getFingerprint().equals(experiment.fingerprint())) {
            throw new ConflictException("the pipeline changed since the latest run (fingerprint "
                    + previous.get().getFingerprint() + " → " + experiment.fingerprint() + "); it cannot be resumed");
        }
        Long baseSeed = resume ? previous.get().getBaseSeed() : baseSeed(d);
        List<RunUnit> kept = resume ? completedUnits(previous.get(), replicates, conditions) : List.of();
        boolean nothingLeft = resume && upstreamRuns.isEmpty() && kept.size() == replicates * conditions.size();
        int version = nothingLeft ? previous.get().getVersion() : version(experimentId, d);
        Run run = new Run(experimentId, version, experiment.fingerprint(), baseSeed,
                replicates, json.writeValueAsString(conditions), strategy, debug, clock.instant());
        if (!upstreamRuns.isEmpty()) {
            run.upstreamRuns(json.writeValueAsString(upstreamRuns));
        }
        runs.save(run);
        kept.forEach(u -> unitStore.copy(u, run.getId()));
        if (nothingLeft) {
            keptResults.complete(run, previous.get(), kept.stream().map(unitStore::outcome).toList());
            return runs.saveAndFlush(run);
        }
        if (upstreamRuns.isEmpty()) {
            release.schedule(run.getId());
        }
        return run;
    }


    private List<String> conditions(ExperimentDefinition d, RunRequest r, boolean debug, int replicates, String strategy) {
        List<FieldError> errors = new ArrayList<>();
        if (replicates < 1 || replicates > limits.maxReplicates()) {
            errors.add(new FieldError("replicates", "must be between 1 and " + limits.maxReplicates()));
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

    /** The configured seed, else one drawn now and recorded, so the run can be reproduced. */
    private static Long baseSeed(ExperimentDefinition d) {
        return plugin(d, "seed").map(p -> p.params().get("seed")).filter(Number.class::isInstance)
                .map(n -> ((Number) n).longValue()).orElseGet(SeedPlugin::drawSeed);
    }

    /** Versioned artifacts: one more than the experiment's highest version; otherwise 0 (SPEC §3). */
    private int version(UUID experimentId, ExperimentDefinition d) {
        boolean versioned = plugin(d, "artifacts").map(p -> Boolean.TRUE.equals(p.params().get("versioned"))).orElse(false);
        return versioned ? runs.maxVersion(experimentId) + 1 : 0;
    }

    private static Optional<ComponentSpec> plugin(ExperimentDefinition d, String type) {
        return d.plugins().stream().filter(p -> p.type().equals(type)).findFirst();
    }

    /** The completed units of the latest run that this run keeps (SPEC §5: resume works per unit). */
    private List<RunUnit> completedUnits(Run previous, int replicates, List<String> conditions) {
        return units.findByRunIdOrderByReplicateAsc(previous.getId()).stream()
                .filter(u -> u.getStatus() == UnitStatus.COMPLETED)
                .filter(u -> u.getReplicate() < replicates && conditions.contains(u.getCondition()))
                .toList();
    }

    /**
     * Runs in its own short transaction, retried when it races the run's node. Only once the request is
     * committed is a run on this node told to stop: it records its end in a transaction of its own.
     */
    public RunView cancel(UUID runId) {
        RunView view = OnConflict.retry(() -> tx.execute(s -> cancelNow(runId)));
        if (view.status() == RunStatus.RUNNING) {
            cancellations.cancelLocally(runId);
        } else if (view.status() == RunStatus.CANCELLED) {
            release.released(runId);
        }
        return view;
    }

    private RunView cancelNow(UUID runId) {
        Run run = find(runId);
        if (run.getStatus().isFinished()) {
            throw new ConflictException("run " + runId + " is already " + run.getStatus());
        }
        run.requestCancel();
        if (run.getStatus() == RunStatus.QUEUED) {
            run.cancel(clock.instant());
        }
        return views.view(runs.saveAndFlush(run));
    }

    @Transactional(readOnly = true)
    public RunView get(UUID runId) {
        return views.view(find(runId));
    }

    @Transactional(readOnly = true)
    public Page<RunView> list(UUID experimentId, RunStatus status, Pageable pageable) {
        return views.views(runs.search(experimentId, status, pageable));
    }

    @Transactional(readOnly = true)
    public ResultsView results(UUID runId) {
        Run run = find(runId);
        if (!run.getStatus().isFinished()) {
            throw new ConflictException("run " + runId + " is " + run.getStatus() + "; results are ready once it has finished");
        }
        return views.results(run, conditions(run));
    }

    @Transactional(readOnly = true)
    public List<SeedView> seeds(UUID runId) {
        Run run = find(runId);
        return views.seeds(run, conditions(run));
    }

    /** The per-unit metrics of a finished run as CSV (409 before it has finished). */
    @Transactional(readOnly = true)
    public void resultsCsv(UUID runId, java.io.Writer out) {
        Run run = find(runId);
        if (!run.getStatus().isFinished()) {
            throw new ConflictException("run " + runId + " is " + run.getStatus() + "; results are ready once it has finished");
        }
        csv.write(run, conditions(run), out);
    }

    @Transactional(readOnly = true)
    public List<UnitView> units(UUID runId) {
        Run run = find(runId);
        return views.units(run, conditions(run));
    }

    @Transactional(readOnly = true)
    public List<ProvenanceView> provenance(UUID runId) {
        Run run = find(runId);
        List<String> conditions = conditions(run);
        return units.findByRunIdOrderByReplicateAsc(runId).stream()
                .sorted(java.util.Comparator.comparingInt(RunUnit::getReplicate)
                        .thenComparingInt(u -> conditions.indexOf(u.getCondition())))
                .map(u -> new ProvenanceView(u.getReplicate(), u.getCondition(), u.getStatus(), u.getCacheHits(),
                        u.getProvenanceJson() == null ? List.of()
                                : List.of(json.readValue(u.getProvenanceJson(), io.crystallize.server.engine.StepRecord[].class))))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<String> logs(UUID runId) {
        return logs.lines(find(runId).getId());
    }

    List<String> conditions(Run run) {
        return RunConditions.of(run, json);
    }

    Run find(UUID runId) {
        return runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
    }

}
