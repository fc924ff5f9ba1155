package io.crystallize.server.run.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.crystallize.server.analysis.MultipleComparisons;
import io.crystallize.server.engine.ExperimentEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;

/** The node's bounded unit pool and the db-scheduler task that executes a run. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExecutionConfiguration {

    /** A task that failed (e.g. its node is shutting down) is tried again shortly, on any node. */
    private static final FailureHandler<String> RETRY = new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2));

    /** Shared by every run's {@code parallel} plugin; when full, the run's own thread takes the work. */
    @Bean(name = "unitExecutor")
    ThreadPoolTaskExecutor unitExecutor(ExecutionProperties props) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("unit-");
        executor.setCorePoolSize(props.poolSize());
        executor.setMaxPoolSize(props.poolSize());
        executor.setQueueCapacity(props.queueCapacity());
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    @Bean
    ExperimentEngine experimentEngine() {
        return new ExperimentEngine(MultipleComparisons::adjust);
    }

    /** A run as durable work: any node picks it up; a dead node's run is revived after missed heartbeats. */
    @Bean
    OneTimeTask<String> runTask(RunExecutor executor) {
        return Tasks.oneTime(RunTasks.RUN).onFailure(RETRY)
                .execute((instance, ctx) -> executor.execute(UUID.fromString(instance.getData())));
    }

    /** A group of a distributed run's units; data {@code <runId>/<group index>}. */
    @Bean
    OneTimeTask<String> unitsTask(RunExecutor executor) {
        return Tasks.oneTime(RunTasks.UNITS).onFailure(RETRY).execute((instance, ctx) -> {
            String[] parts = instance.getData().split("/");
            executor.executeUnits(UUID.fromString(parts[0]), Integer.parseInt(parts[1]));
        });
    }

    /** A distributed run's completion, scheduled once by the node that finishes its last unit group. */
    @Bean
    OneTimeTask<String> completeTask(RunExecutor executor) {
        return Tasks.oneTime(RunTasks.COMPLETE).onFailure(RETRY)
                .execute((instance, ctx) -> executor.complete(UUID.fromString(instance.getData())));
    }
}
