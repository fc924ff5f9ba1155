package io.crystallize.server.optimization.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The bounded pool that evaluates the trials of optimizations, apart from the runs' pool. */
@Configuration(proxyBeanMethods = false)
class OptimizationConfiguration {

    @Bean(name = "optimizationExecutor")
    ThreadPoolTaskExecutor optimizationExecutor(OptimizationProperties props) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("optimization-");
        executor.setCorePoolSize(props.threads());
        executor.setMaxPoolSize(props.threads());
        executor.setQueueCapacity(props.queueCapacity());
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
