package io.crystallize.server.shutdown.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.RunInterruptedException;
import io.crystallize.server.run.GlobalPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains this node when the application context closes (SIGTERM), in the lifecycle phase before the web
 * server's graceful shutdown:
 * <ol>
 *   <li>db-scheduler is paused, so the node takes no new run;</li>
 *   <li>every run on the node stops before its next unit (a unit in flight finishes and is stored), throwing
 *       {@link RunInterruptedException}; the run task's failure handler then reschedules it, unpicked, for
 *       any node.</li>
 * </ol>
 * A unit that does not finish within {@code db-scheduler.shutdown-max-wait} is interrupted when db-scheduler
 * stops (the engine turns the interrupt into {@link RunInterruptedException} too); it runs again elsewhere and,
 * being a pure function of its seed, gives the same result.
 */
@Component
class NodeDrain implements SmartLifecycle, GlobalPlugin {

    private static final Logger log = LoggerFactory.getLogger(NodeDrain.class);

    private final ObjectProvider<Scheduler> scheduler;
    private volatile boolean running;
    private volatile boolean draining;
    private volatile boolean closing;

    NodeDrain(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    /** Also after a stop: a restarted context (e.g. a paused test context reused) takes work again. */
    @Override
    public void start() {
        if (draining) {
            scheduler.ifAvailable(Scheduler::resume);
        }
        draining = false;
        running = true;
    }

    /**
     * Pauses db-scheduler, then stops it here, in a lifecycle phase, rather than when its bean is destroyed: stopping
     * waits for the runs on this node to hand back (interrupting a unit that outlasts {@code shutdown-max-wait}),
     * and each writes "interrupted" to its log and releases its task while the datasource is still open, which it
     * is until every lifecycle phase has stopped.
     */
    @Override
    public void stop() {
        log.info("Shutting down: taking no new runs; runs on this node stop after their current unit and are handed back");
        draining = true;
        running = false;
        scheduler.ifAvailable(s -> {
            s.pause();
            if (closing) {
                s.stop();
                log.info("Runs handed back; the scheduler has stopped");
            }
        });
    }

    /**
     * Published before the lifecycle beans stop, and only when the context really closes: a context that is merely
     * stopped (a test context paused while unused, started again later) keeps its scheduler, only paused.
     */
    @org.springframework.context.event.EventListener
    void closing(org.springframework.context.event.ContextClosedEvent event) {
        closing = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the web server (lower phases stop later), so runs are handed back while requests drain. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 512;
    }

    @Override
    public void beforeReplicate(Experiment experiment, FrozenContext ctx) {
        if (draining) {
            throw new RunInterruptedException(new IllegalStateException("the node is shutting down"));
        }
    }
}
