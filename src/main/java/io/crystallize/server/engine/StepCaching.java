package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.StepCache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cached step of one unit (SPEC §7): its address, and either the replay of a kept entry onto the unit's
 * context (keys, metrics in order, artifacts, generator draws) or the entry made from the step's real run.
 * A cache that fails to answer is a miss, never the unit's failure.
 */
final class StepCaching {

    private final StepCache cache;
    private final StepInvocation step;
    private final FrozenContext ctx;
    private long drawsBefore;
    private int artifactsBefore;

    StepCaching(StepCache cache, StepInvocation step, FrozenContext ctx) {
        this.cache = cache;
        this.step = step;
        this.ctx = ctx;
    }

    String key(Params params, Object data, Long seed) {
        drawsBefore = ctx.draws();
        artifactsBefore = ctx.artifacts().pending().size();
        return cache.key(step.type(), params.asMap(), data, seed, drawsBefore, ctx.asMap());
    }

    Optional<CachedStep> lookup(String key) {
        try {
            return cache.get(key);
        } catch (RuntimeException e) {
            ctx.log().warn("Step cache lookup failed for step '" + step.type() + "': " + e.getMessage());
            return Optional.empty();
        }
    }

    Object replay(CachedStep entry) {
        entry.written().forEach(ctx::add);
        for (CachedStep.Metric m : entry.metrics()) {
            ctx.metrics().add(m.name(), m.value(), m.tags());
        }
        for (LoggedArtifact a : entry.artifacts()) {
            ctx.artifacts().add(a.name(), a.content());
        }
        ctx.skipDraws(entry.draws());
        return entry.output();
    }

    Object store(String key, StepTrace trace, Object output) {
        Map<String, Object> written = new LinkedHashMap<>();
        Map<String, Object> values = ctx.asMap();
        trace.writtenKeys().forEach(k -> written.put(k, values.get(k)));
        List<CachedStep.Metric> metrics = new ArrayList<>();
        trace.metricValues().forEach(e -> metrics.add(new CachedStep.Metric(e.getKey(), e.getValue().value(),
                e.getValue().tags())));
        List<LoggedArtifact> pending = ctx.artifacts().pending();
        List<LoggedArtifact> artifacts = pending.subList(Math.min(artifactsBefore, pending.size()), pending.size());
        try {
            cache.put(key, step.type(), new CachedStep(output, written, metrics, List.copyOf(artifacts),
                    ctx.draws() - drawsBefore));
        } catch (RuntimeException e) {
            ctx.log().warn("Step cache could not keep the output of step '" + step.type() + "': " + e.getMessage());
        }
        return output;
    }
}
