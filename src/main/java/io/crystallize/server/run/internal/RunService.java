package io.crystallize.server.run.internal;

import io.crystallize.server.run.FailedUnit;
import io.crystallize.server.run.LiveRuns;
import io.crystallize.server.run.LogLine;
import io.crystallize.server.run.ResultsView;
import io.crystallize.server.run.RunRequest;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunView;
import io.crystallize.server.run.SeedView;
import io.crystallize.server.run.UnitView;
import io.crystallize.server.run.Tagged;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.crystallize.server.access.Caller;
import io.crystallize.server.access.QuotaProperties;
import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentLimits;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import io.crystallize.server.problem.TooManyRequestsException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starting, cancelling and reading runs. A run is stored QUEUED and scheduled in the same transaction. A run belongs
 * to its experiment's workspace: lists show the caller's workspaces only, submissions are held to the quotas, and
 * reads by id are checked before the handler runs ({@code RunWorkspaces}).
 */
@Service
public class RunService implements LiveRuns {


    private final RunRepository runs;
    private final UnitCursor cursor;
    private final UnitStore unitStore;
    private final ExperimentService experiments;
    private final ExperimentLimits limits;
    private final CancellationRegistry cancellations;
    private final RunViews views;
    private final RunPlugins plugins;
    private final RunLogStore logs;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final WorkspaceAccess access;
    private final QuotaProperties quotas;
    private final RunDeletion deletion;
    private final SchedulerClient scheduler;
    private final KeptResults keptResults;
    private final UpstreamRuns upstream;
    private final UpstreamRelease release;

    RunService(RunRepository runs, UnitCursor cursor, UnitStore unitStore, ExperimentService experiments,
               ExperimentLimits limits, SchedulerClient scheduler,
               CancellationRegistry cancellations, RunViews views, RunPlugins plugins, RunLogStore logs, JsonMapper json,
               Clock clock, TransactionTemplate tx, WorkspaceAccess access, QuotaProperties quotas, RunDeletion deletion,
               KeptResults keptResults, UpstreamRuns upstream, UpstreamRelease release) {
        this.scheduler = scheduler;
        this.keptResults = keptResults;
        this.upstream = upstream;
        this.release = release;
        this.access = access;
        this.quotas = quotas;
        this.deletion = deletion;
        this.runs = runs;
        this.cursor = cursor;
        this.unitStore = unitStore;
        this.experiments = experiments;
        this.limits = limits;
        this.cancellations = cancellations;
        this.views = views;
        this.plugins = plugins;
        this.logs = logs;
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
                        step.after().stream().map(runOf::get).toList()).run().getId());
            }
            upstreamRuns.addAll(runOf.values());
        }
        Created created = create(experiment, r, upstreamRuns);
        return views.view(created.run(), created.kept());
    }

    /** Stores one run QUEUED and schedules it, unless it waits for {@code upstreamRuns} (then they release it). */
    private Created create(ExperimentView experiment, RunRequest r, List<UUID> upstreamRuns) {
        UUID experimentId = experiment.id();
        ExperimentDefinition d = experiment.definition();
        boolean debug = Boolean.TRUE.equals(r.debug());
        String strategy = r.strategy() == null ? "rerun" : r.strategy();
        int replicates = debug ? 1 : r.replicates() == null ? d.replicates() : r.replicates();
        List<String> conditions = RunConditions.requested(d, r, debug, replicates, strategy, limits.maxReplicates());
        checkQuotas(experiment, (long) replicates * conditions.size());
        Optional<Run> previous = runs.findFirstByExperimentIdOrderByCreatedAtDesc(experimentId);
        boolean resume = strategy.equals("resume") && previous.isPresent();
        if (resume && !previous.get().getFingerprint().equals(experiment.fingerprint())) {
            throw new ConflictException("the pipeline changed since the latest run (fingerprint "
                    + previous.get().getFingerprint() + " → " + experiment.fingerprint() + "); it cannot be resumed");
        }
        // A resume that keeps every unit (SPEC §7) creates no version and runs no hooks: it completes with the kept
        // results here. Otherwise the plugins decide the base seed and the artifact version; a resumed run keeps its
        // predecessor's seed. A plugin that asks for the latest version (a versioned run) locks the experiment's row
        // first, so one run request at a time reads the max and takes the next version (unique per experiment, V11).
        boolean nothingLeft = resume && upstreamRuns.isEmpty() && unitStore.countCompleted(previous.get().getId(),
                replicates, conditions) == (long) replicates * conditions.size();
        AtomicBoolean versioned = new AtomicBoolean();
        RunDecisions decisions = new RunDecisions(resume ? previous.get().getBaseSeed() : null, () -> {
            versioned.set(true);
            experiments.lock(experimentId);
            return runs.maxVersion(experimentId);
        });
        if (!nothingLeft) {
            plugins.prepare(d, debug, decisions);
        }
        Run run = new Run(experimentId, nothingLeft ? previous.get().getVersion() : decisions.version(),
                experiment.fingerprint(), nothingLeft ? previous.get().getBaseSeed() : decisions.baseSeed(),
                replicates, conditions, strategy, debug, clock.instant());
        if (versioned.get()) {
            run.allocateVersion();
        }
        if (!upstreamRuns.isEmpty()) {
            run.upstreamRuns(json.writeValueAsString(upstreamRuns));
        }
        // Flushed: the copied units of a resume reference the run's row.
        run = runs.saveAndFlush(run);
        run.createdBy(access.currentCaller().map(Caller::id).orElse(null));
        long kept = 0;
        if (resume) {
            kept = unitStore.copyCompleted(previous.get().getId(), run.getId(), replicates, conditions);
        }
        if (nothingLeft) {
            keptResults.complete(experiment, run, previous.get(), new ArrayList<>(unitStore.load(run.getId()).values()));
            return new Created(runs.saveAndFlush(run), kept);
        }
        if (upstreamRuns.isEmpty()) {
            scheduler.scheduleIfNotExists(RunTasks.RUN.instance(run.getId().toString()).data(run.getId().toString())
                    .scheduledTo(clock.instant()));
        }
        return new Created(run, kept);
    }

    /** A stored run, and how many units a resume copied into it (its row's counters do not show them yet). */
    private record Created(Run run, long kept) {
    }


    /** 429 past {@code max-units-per-run} or {@code max-active-runs} of the experiment's workspace; nothing stored. */
    private void checkQuotas(ExperimentView experiment, long units) {
        if (units > quotas.maxUnitsPerRun()) {
            throw new TooManyRequestsException("the run has " + units + " units (replicates × conditions); at most "
                    + quotas.maxUnitsPerRun() + " are allowed per run", quotas.activeRunsRetryAfter());
        }
        long active = runs.countActiveIn(experiment.workspaceId(), List.of(RunStatus.QUEUED, RunStatus.RUNNING));
        if (active >= quotas.maxActiveRuns()) {
            throw new TooManyRequestsException("workspace " + experiment.workspaceId() + " has " + active
                    + " active runs (QUEUED or RUNNING); at most " + quotas.maxActiveRuns() + " are allowed",
                    quotas.activeRunsRetryAfter());
        }
    }

    /**
     * Runs in its own short transaction, retried when it races the run's node. Only once the request is
     * committed is a run on this node told to stop: it records its end in a transaction of its own.
     */
    public RunView cancel(UUID runId) {
        UUID by = access.currentCaller().map(Caller::id).orElse(null);
        RunView view = OnConflict.retry(() -> tx.execute(s -> cancelNow(runId, by)));
        if (view.status() == RunStatus.RUNNING) {
            cancellations.cancelLocally(runId);
        } else if (view.status() == RunStatus.CANCELLED) {
            release.released(runId);
        }
        return view;
    }

    private RunView cancelNow(UUID runId, UUID by) {
        Run run = find(runId);
        if (run.getStatus().isFinished()) {
            throw new ConflictException("run " + runId + " is already " + run.getStatus());
        }
        run.requestCancel(by);
        if (run.getStatus() == RunStatus.QUEUED) {
            run.cancel(clock.instant());
        }
        return views.view(runs.saveAndFlush(run));
    }

    @Transactional(readOnly = true)
    public RunView get(UUID runId) {
        return views.view(find(runId));
    }

    /** A run's view with its ETag (API.md, "Cheap polling"): one primary-key read, plain SQL. */
    public Tagged<RunView> getTagged(UUID runId) {
        return views.tagged(runId).orElseThrow(() -> new NotFoundException("run", runId));
    }

    @Transactional(readOnly = true)
    public Page<RunView> list(UUID experimentId, Collection<RunStatus> statuses, Pageable pageable) {
        Collection<RunStatus> any = statuses == null || statuses.isEmpty() ? EnumSet.allOf(RunStatus.class) : statuses;
        Optional<Set<UUID>> readable = access.readableWorkspaces();
        if (readable.isEmpty()) {
            return views.views(runs.search(experimentId, any, pageable));
        }
        if (readable.get().isEmpty()) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        return views.views(runs.searchIn(experimentId, any, readable.get(), pageable));
    }

    /** Deletes a finished run and everything stored for it (files once committed); QUEUED or RUNNING → 409. */
    @Transactional
    public void delete(UUID runId) {
        deletion.delete(find(runId));
    }

    /** The seeds of every stored unit of a run, by replicate then condition (in memory: for small runs). */
    @Transactional(readOnly = true)
    public List<SeedView> seeds(UUID runId) {
        Run run = find(runId);
        return views.seeds(run, run.getConditions(), 0, -1);
    }

    @Transactional(readOnly = true)
    public List<String> logs(UUID runId) {
        return logs.lines(find(runId).getId());
    }

    @Transactional(readOnly = true)
    public List<LogLine> logEntries(UUID runId) {
        return logs.entries(find(runId).getId());
    }

    /**
     * The run's failed units stored after unit row {@code afterRow}, in storage order, each with its position
     * among all the run's stored units (for the ids of {@code unit-failed} events).
     */
    @Override
    @Transactional(readOnly = true)
    public List<FailedUnit> failedUnits(UUID runId, long afterRow) {
        return cursor.failedAfter(runId, afterRow);
    }

    /** How many runs are in {@code status} now, across every node (for gauges). */
    @Transactional(readOnly = true)
    public long count(RunStatus status) {
        return runs.countByStatus(status);
    }

    Run find(UUID runId) {
        return runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
    }

}
