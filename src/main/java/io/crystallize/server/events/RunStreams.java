package io.crystallize.server.events;

import io.crystallize.server.run.RunView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open event streams of this node, by run, and the one ticker thread that serves them all: every
 * {@code poll-interval} it reads each watched run once from the database ({@link RunSnapshots}) and writes what
 * each of the run's streams has not had yet, plus heartbeats. Streams hold no thread (Servlet async
 * {@link SseEmitter}s). Stopped before the web server's graceful shutdown, so open streams do not hold it up.
 */
@Component
public class RunStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunStreams.class);

    private final Map<UUID, List<OpenStream>> watched = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final RunSnapshots snapshots;
    private final EventsProperties props;
    private volatile ScheduledExecutorService ticker;

    RunStreams(RunSnapshots snapshots, EventsProperties props, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.props = props;
        Gauge.builder("crystallize.events.streams", open, AtomicInteger::get)
                .description("Run event streams open on this node").register(registry);
    }

    /** Opens a stream of {@code runId}'s events after {@code lastEventId} (null: from the start). */
    public SseEmitter open(UUID runId, Long lastEventId, String client) {
        RunView run = snapshots.view(runId); // 404 for an unknown run, before any quota is taken
        reserve(client);
        SseEmitter emitter = new SseEmitter(props.timeout().toMillis());
        OpenStream stream = new OpenStream(client, emitter, new Subscriber(lastEventId));
        emitter.onCompletion(() -> close(runId, stream));
        emitter.onTimeout(() -> {
            close(runId, stream);
            emitter.complete();
        });
        emitter.onError(e -> close(runId, stream));
        watched.compute(runId, (id, streams) -> {
            List<OpenStream> list = streams == null ? new CopyOnWriteArrayList<>() : streams;
            list.add(stream);
            return list;
        });
        ScheduledExecutorService t = ticker;
        if (t == null) {
            close(runId, stream);
            throw new IllegalStateException("the node is shutting down");
        }
        log.debug("stream of run {} opened for {} ({} {})", runId, client, run.status(), lastEventId);
        t.execute(() -> serve(runId)); // the first events at once, on the ticker thread like all others
        return emitter;
    }

    private void reserve(String client) {
        int max = props.maxStreamsPerUser();
        boolean[] granted = {false};
        perClient.compute(client, (c, n) -> {
            int held = n == null ? 0 : n;
            granted[0] = held < max;
            return granted[0] ? held + 1 : n;
        });
        if (!granted[0]) {
            throw new TooManyStreamsException(max);
        }
        open.incrementAndGet();
    }

    private void close(UUID runId, OpenStream stream) {
        if (!stream.markClosed()) {
            return;
        }
        open.decrementAndGet();
        perClient.computeIfPresent(stream.client, (c, n) -> n <= 1 ? null : n - 1);
        watched.computeIfPresent(runId, (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    private void tick() {
        watched.keySet().forEach(this::serve);
    }

    /** One read of the run for all its streams; never throws, so the ticker keeps going. */
    private void serve(UUID runId) {
        List<OpenStream> streams = watched.get(runId);
        if (streams == null || streams.isEmpty()) {
            return;
        }
        try {
            Snapshot snapshot = snapshots.read(runId);
            long heartbeat = props.heartbeatInterval().toNanos();
            for (OpenStream s : streams) {
                boolean alive = s.send(s.position.next(snapshot)) && s.heartbeat(heartbeat);
                if (s.position.isDone() || !alive) {
                    end(runId, s);
                }
            }
        } catch (io.crystallize.server.problem.NotFoundException deleted) {
            streams.forEach(s -> end(runId, s));
            snapshots.forget(runId);
        } catch (RuntimeException e) {
            log.warn("could not serve the event streams of run {}: {}", runId, e.toString());
        }
        if (!watched.containsKey(runId)) {
            snapshots.forget(runId);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "run-events");
            thread.setDaemon(true);
            return thread;
        });
        long every = props.pollInterval().toMillis();
        t.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        ticker = t;
    }

    /** Ends every open stream (clients reconnect, with {@code Last-Event-ID}, to another node or after restart). */
    @Override
    public void stop() {
        ScheduledExecutorService t = ticker;
        ticker = null;
        if (t != null) {
            t.shutdownNow();
        }
        watched.forEach((runId, streams) -> streams.forEach(s -> end(runId, s)));
    }

    private void end(UUID runId, OpenStream stream) {
        close(runId, stream);
        try {
            stream.emitter.complete();
        } catch (RuntimeException alreadyGone) {
            // the client went away first; the container cleans up the request
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    /** Later phases stop first: before the web server's graceful shutdown waits for open requests. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
