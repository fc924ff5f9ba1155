package io.crystallize.server.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one step of one unit did to its context while it ran: the keys it read and wrote and the metric values it
 * recorded, in order. Cheap by design (a few set insertions per step), since every step of every unit is traced.
 */
public final class StepTrace {

    private final int index;
    private final String type;
    private final Set<String> read = new LinkedHashSet<>();
    private final Set<String> written = new LinkedHashSet<>();
    private final List<Map.Entry<String, MetricValue>> metrics = new ArrayList<>();

    StepTrace(int index, String type) {
        this.index = index;
        this.type = type;
    }

    void read(String key) {
        read.add(key);
    }

    void written(String key) {
        written.add(key);
    }

    void metric(String name, MetricValue value) {
        metrics.add(Map.entry(name, value));
    }

    /** The metric values recorded, in order: a cache entry replays them. */
    public List<Map.Entry<String, MetricValue>> metricValues() {
        return List.copyOf(metrics);
    }

    /** The keys the step added, in order. */
    public Set<String> writtenKeys() {
        return written;
    }

    /** The step's provenance record. */
    public StepRecord toRecord(boolean cacheHit) {
        Set<String> names = new LinkedHashSet<>();
        metrics.forEach(e -> names.add(e.getKey()));
        return new StepRecord(index, type, List.copyOf(read), List.copyOf(written), List.copyOf(names), cacheHit);
    }
}
