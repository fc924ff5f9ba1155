package io.crystallize.examples.extension;

import io.crystallize.server.engine.Experiment;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.RunResult;
import io.crystallize.server.engine.StepInvocation;
import io.crystallize.server.engine.spi.ExperimentPlugin;
import io.crystallize.server.engine.spi.PluginFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** {@code example.census}: a plugin that counts the run's units and step calls and logs them after the run. */
public class CensusPluginFactory implements PluginFactory {

    @Override
    public String type() {
        return "example.census";
    }

    @Override
    public String description() {
        return "Counts units and step calls; logs '<label>: <units> units, <steps> step calls' after the run.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("label", "string", "census", "the log line's prefix"));
    }

    @Override
    public ExperimentPlugin create(Params params) {
        return new Census(params.getString("label"));
    }

    /** One per run; per-unit hooks may run on several threads at once, hence the atomic counters. */
    static final class Census implements ExperimentPlugin {

        private final String label;
        private final AtomicLong units = new AtomicLong();
        private final AtomicLong steps = new AtomicLong();

        Census(String label) {
            this.label = label;
        }

        @Override
        public void beforeReplicate(Experiment experiment, FrozenContext ctx) {
            units.incrementAndGet();
        }

        @Override
        public void afterStep(Experiment experiment, StepInvocation step, Object data, FrozenContext ctx) {
            steps.incrementAndGet();
        }

        @Override
        public void afterRun(Experiment experiment, RunResult result) {
            experiment.log().info(label + ": " + units.get() + " units, " + steps.get() + " step calls");
        }
    }
}
