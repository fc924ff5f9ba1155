package io.crystallize.server.execution.internal;

import io.crystallize.server.engine.ExperimentEngine;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.engine.TestComponents;
import io.crystallize.server.engine.Treatment;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.engine.plugins.SeedPlugin;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The strategies without Spring: each unit owns its seeded generator, so every strategy gives the same results. */
class ParallelExecutionTest {

    private static final List<Treatment> TREATMENTS = List.of(new Treatment("t", Map.of("increment", 2.0)));

    private static RunResult run(ExperimentPlugin strategy) {
        return new ExperimentEngine().run(TestComponents.experiment(TestComponents.recordDraw()).replicates(16)
                .treatments(TREATMENTS).plugins(List.of(new SeedPlugin(99L, true), strategy)).build());
    }

    @Test
    void parallelExecutionGivesTheSameMetricsAsSerial() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            RunResult serial = run(new SerialExecution());
            RunResult parallel = run(new ParallelExecution(4, pool));
            assertThat(parallel.metrics()).isEqualTo(serial.metrics());
            assertThat(parallel.units()).extracting(UnitOutcome::seed)
                    .isEqualTo(serial.units().stream().map(UnitOutcome::seed).toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
