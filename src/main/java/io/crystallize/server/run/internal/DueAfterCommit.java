package io.crystallize.server.run.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;

/**
 * Starts a task scheduled for now when the transaction that scheduled it commits, not at the scheduler's next
 * poll. db-scheduler's immediate execution looks for due tasks as soon as one is scheduled, but a task scheduled
 * inside a transaction (a run, its unit groups and completion, a webhook delivery: all are) is not visible until
 * the commit, so the look found nothing and the task waited up to {@code db-scheduler.polling-interval} (500 ms;
 * most new runs did). This listener, registered with the scheduler by the starter, looks again after the commit.
 * Only this node looks; other nodes pick the task at their next poll, as before.
 */
@Component
class DueAfterCommit extends AbstractSchedulerListener {

    /** Lazily: the scheduler is built with its listeners, this one among them. */
    private final ObjectProvider<Scheduler> scheduler;

    DueAfterCommit(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void onExecutionScheduled(TaskInstanceId task, Instant executionTime) {
        if (executionTime.isAfter(Instant.now()) || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // a later task waits for its time; outside a transaction, immediate execution saw it already
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Scheduler s = scheduler.getIfAvailable();
                SchedulerState state = s == null ? null : s.getSchedulerState();
                if (state != null && state.isStarted() && !state.isShuttingDown()) {
                    s.triggerCheckForDueExecutions();
                }
            }
        });
    }
}
