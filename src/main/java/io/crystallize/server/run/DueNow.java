package io.crystallize.server.run;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts a task scheduled for now at once rather than at the scheduler's next poll. db-scheduler's immediate
 * execution looks for due tasks as soon as one is scheduled, but a task scheduled inside a transaction is not
 * visible until it commits, so the look found nothing and a new run waited up to {@code db-scheduler.polling-interval}
 * (500 ms) before it started. Called after scheduling: the look is repeated when the transaction commits (at once
 * outside a transaction). Only this node looks; other nodes pick the task at their next poll, as before.
 */
public final class DueNow {

    private DueNow() {
    }

    public static void afterCommit(SchedulerClient client) {
        if (!(client instanceof Scheduler scheduler)) {
            return; // another client (a test's): it runs tasks as it does
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            scheduler.triggerCheckForDueExecutions();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scheduler.triggerCheckForDueExecutions();
            }
        });
    }
}
