package io.crystallize.server.execution.internal;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.ReplicateResult;
import io.crystallize.server.engine.RunFailedException;
import io.crystallize.server.engine.RunInterruptedException;
import io.crystallize.server.engine.spi.ExecutionStrategy;
import io.crystallize.server.engine.spi.LoopOutcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Replicates on the node's managed, bounded pool, at most {@code maxWorkers} at a time for this run.
 * Each unit owns its seeded generator, so results equal a serial run's.
 */
public final class ParallelExecution implements ExecutionStrategy {

    private final int maxWorkers;
    private final Executor executor;

    public ParallelExecution(int maxWorkers, Executor executor) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be at least 1");
        }
        this.maxWorkers = maxWorkers;
        this.executor = executor;
    }

    @Override
    public LoopOutcome runExperimentLoop(Experiment experiment, IntFunction<ReplicateResult> replicateFn) {
        int replicates = experiment.replicates();
        ReplicateResult[] results = new ReplicateResult[replicates];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        // Workers pull replicates from a shared counter: at most maxWorkers replicates of this run at once.
        for (int w = 0; w < Math.min(maxWorkers, replicates); w++) {
            workers.add(CompletableFuture.runAsync(() -> {
                int rep;
                while (!failed.get() && (rep = next.getAndIncrement()) < replicates) {
                    try {
                        results[rep] = replicateFn.apply(rep);
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }
            }, executor));
        }
        try {
            // get(), not join(): a node shutting down interrupts the run's thread, and the run must hand back.
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            failed.set(true);
            Thread.currentThread().interrupt();
            throw new RunInterruptedException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new RunFailedException("parallel execution failed: " + e.getCause(), e.getCause());
        }
        return LoopOutcome.completed(Arrays.asList(results));
    }
}
