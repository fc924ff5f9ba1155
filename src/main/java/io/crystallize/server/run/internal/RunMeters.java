package io.crystallize.server.run.internal;

import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunStatusChanged;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/**
 * The run meters (README, "Metrics"): counters of runs started and finished by status and of the units of
 * finished runs by status, a timer of run durations, and gauges of active (RUNNING) and queued runs. Counters
 * count what this node changed, after the change committed; the gauges read the database, so every node
 * reports the cluster's figure.
 */
@Component
class RunMeters {

    private final MeterRegistry registry;
    private final RunService runs;
    private final TransactionTemplate readTx;
    private final Counter started;

    RunMeters(MeterRegistry registry, RunService runs, PlatformTransactionManager transactions) {
        this.registry = registry;
        this.runs = runs;
        this.readTx = new TransactionTemplate(transactions);
        readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readTx.setReadOnly(true);
        this.started = Counter.builder("crystallize.runs.started").description("Runs that a node started")
                .register(registry);
        Gauge.builder("crystallize.runs.active", () -> runs.count(RunStatus.RUNNING))
                .description("Runs RUNNING now, on every node").register(registry);
        Gauge.builder("crystallize.runs.queued", () -> runs.count(RunStatus.QUEUED))
                .description("Runs QUEUED now (the queue depth)").register(registry);
        // Registered up front, so a scrape shows every series (at 0) before the first run ends.
        for (RunStatus status : RunStatus.values()) {
            if (status.isFinished()) {
                finishedCounter(status.name());
            }
        }
        List.of("COMPLETED", "FAILED", "SKIPPED").forEach(status -> units(status, 0));
    }

    @TransactionalEventListener
    void on(RunStatusChanged change) {
        if (change.to() == RunStatus.RUNNING) {
            started.increment();
        } else if (change.to().isFinished()) {
            finished(change);
        }
    }

    private void finished(RunStatusChanged change) {
        String status = change.to().name();
        finishedCounter(status).increment();
        // The committed transaction's resources may still be bound here: read the final row in a fresh one (the
        // row, not the run's view: the counters and times are all it needs).
        Run run = readTx.execute(s -> runs.find(change.runId()));
        units("COMPLETED", run.getCompletedUnits());
        units("FAILED", run.getFailedUnits());
        units("SKIPPED", run.getSkippedUnits());
        if (run.getFinishedAt() != null) {
            Duration took = Duration.between(run.getStartedAt() != null ? run.getStartedAt() : run.getCreatedAt(),
                    run.getFinishedAt());
            Timer.builder("crystallize.runs.duration").description("From start (or submission) to end of a run")
                    .tag("status", status).register(registry).record(took);
        }
    }

    private Counter finishedCounter(String status) {
        return Counter.builder("crystallize.runs.finished").description("Runs that ended, by final status")
                .tag("status", status).register(registry);
    }

    private void units(String status, long count) {
        Counter.builder("crystallize.units.finished").description("Units of finished runs, by how they ended")
                .tag("status", status).register(registry).increment(count);
    }
}
