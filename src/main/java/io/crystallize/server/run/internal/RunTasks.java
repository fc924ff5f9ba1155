package io.crystallize.server.run.internal;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

/** The db-scheduler tasks of a run: the run itself, the unit groups of a distributed run, its completion. */
final class RunTasks {

    static final TaskDescriptor<String> RUN = TaskDescriptor.of("run-experiment", String.class);
    static final TaskDescriptor<String> UNITS = TaskDescriptor.of("run-units", String.class);
    static final TaskDescriptor<String> COMPLETE = TaskDescriptor.of("complete-run", String.class);

    private RunTasks() {
    }
}
