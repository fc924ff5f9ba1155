package io.crystallize.server.run.internal;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

/**
 * The descriptors of the db-scheduler tasks of a run (names and data type): the run itself, the unit groups of a
 * distributed run, its completion. {@link RunTaskHandlers} executes them.
 */
final class RunTasks {

    static final TaskDescriptor<String> RUN = TaskDescriptor.of("run-experiment", String.class);
    static final TaskDescriptor<String> UNITS = TaskDescriptor.of("run-units", String.class);
    static final TaskDescriptor<String> COMPLETE = TaskDescriptor.of("complete-run", String.class);

    private RunTasks() {
    }
}
