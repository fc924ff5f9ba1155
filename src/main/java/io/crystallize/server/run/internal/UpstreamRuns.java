package io.crystallize.server.run.internal;

import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.problem.InvalidRequestException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Experiment graphs (SPEC §7): an experiment whose datasource is {@code artifact} reads the experiment it names.
 * Plans a {@code withUpstream} run: every experiment upstream of this one, transitively, in topological order
 * (each before those that read it); a cycle or an upstream that does not exist (in the experiment's workspace:
 * an experiment reads only its own workspace's experiments) is a 400 at submission.
 */
@Component
class UpstreamRuns {

    static final String ARTIFACT_DATASOURCE = "artifact";

    private final ExperimentService experiments;

    UpstreamRuns(ExperimentService experiments) {
        this.experiments = experiments;
    }

    /** One upstream experiment and the upstream experiments (names, transitively) it waits for. */
    record Step(ExperimentView experiment, Set<String> after) {
    }

    /** The upstream experiments of {@code root} in topological order, each with what it waits for. */
    List<Step> plan(ExperimentView root) {
        Map<String, Step> order = new LinkedHashMap<>();
        visit(root, new ArrayList<>(), order);
        order.remove(root.name());
        return List.copyOf(order.values());
    }

    /** The transitive upstream names of {@code root}. */
    private Set<String> visit(ExperimentView e, List<String> path, Map<String, Step> done) {
        if (path.contains(e.name())) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(e.name()), path.size()));
            cycle.add(e.name());
            throw InvalidRequestException.of("withUpstream", "the experiment graph has a cycle: " + String.join(" → ", cycle));
        }
        if (done.containsKey(e.name())) {
            return done.get(e.name()).after();
        }
        path.add(e.name());
        Set<String> after = new LinkedHashSet<>();
        Optional<String> upstream = upstreamName(e);
        if (upstream.isPresent()) {
            ExperimentView up = experiments.findByName(upstream.get(), e.workspaceId()).orElseThrow(() -> InvalidRequestException.of(
                    "withUpstream", "experiment '" + e.name() + "' reads experiment '" + upstream.get()
                            + "', which does not exist"));
            after.addAll(visit(up, path, done));
            after.add(up.name());
        }
        path.remove(path.size() - 1);
        done.put(e.name(), new Step(e, after));
        return after;
    }

    static Optional<String> upstreamName(ExperimentView e) {
        var ds = e.definition().datasource();
        return ARTIFACT_DATASOURCE.equals(ds.type()) && ds.params().get("experiment") instanceof String name
                ? Optional.of(name) : Optional.empty();
    }
}
