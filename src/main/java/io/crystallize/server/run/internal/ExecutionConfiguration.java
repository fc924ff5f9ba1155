package io.crystallize.server.run.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.crystallize.server.analysis.MultipleComparisons;
import io.crystallize.server.engine.ExperimentEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The node's bounded unit pool and the db-scheduler tasks of a run ({@link RunTasks}), each handled by
 * {@link RunTaskHandlers}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExecutionConfiguration {

    /** A task that failed (e.g. its node is shutting down) is tried again shortly, on any node. */
    private static final FailureHandler<String> RETRY = new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2));
    /** How soon a run waiting for its turn looks again. */
    private static final Duration TURN_WAIT = Duration.ofMillis(500);

    /** Shared by every run's {@code parallel} plugin; when full, the run's own thread takes the work. */
    @Bean(name = "unitExecutor")
    ThreadPoolTaskExecutor unitExecutor(ExecutionProperties props) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("unit-");
        // Units waiting on remote calls hold a thread each: virtual ones cost next to nothing (Java 21+).
        executor.setVirtualThreads(props.useVirtualThreads());
        executor.setCorePoolSize(props.poolSize());
        executor.setMaxPoolSize(props.poolSize());
        executor.setQueueCapacity(props.queueCapacity());
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    @Bean
    ExperimentEngine experimentEngine(PluginProperties plugins) {
        return new ExperimentEngine(MultipleComparisons::adjust, plugins.slowHookThreshold());
    }

    /**
     * A run as durable work: any node picks it up; a dead node's run is revived after missed heartbeats. A run that
     * must wait for its turn (another non-versioned run of its experiment is executing) is rescheduled, not failed.
     */
    @Bean
    CustomTask<String> runTask(RunTaskHandlers handlers) {
        return Tasks.custom(RunTasks.RUN).onFailure(RETRY).onDeadExecutionRevive()
                .execute((instance, ctx) -> handlers.execute(UUID.fromString(instance.getData()))
                        ? new CompletionHandler.OnCompleteRemove<>()
                        : (complete, operations) -> operations.reschedule(complete, Instant.now().plus(TURN_WAIT)));
    }


    /** A group of a distributed run's units; data {@code <runId>/<group index>}. */
    @Bean
    OneTimeTask<String> unitsTask(RunTaskHandlers handlers) {
        return Tasks.oneTime(RunTasks.UNITS).onFailure(RETRY).execute((instance, ctx) -> {
            String[] parts = instance.getData().split("/");
            handlers.executeUnits(UUID.fromString(parts[0]), Integer.parseInt(parts[1]));
        });
    }

    /** A distributed run's completion, scheduled once by the node that finishes its last unit group. */
    @Bean
    OneTimeTask<String> completeTask(RunTaskHandlers handlers) {
        return Tasks.oneTime(RunTasks.COMPLETE).onFailure(RETRY)
                .execute((instance, ctx) -> handlers.complete(UUID.fromString(instance.getData())));
    }
}
