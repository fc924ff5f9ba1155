package io.crystallize.server.catalog.steps;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Step;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class SummaryStep implements Step {

    /** Configured once and only read by {@code build}, so one builder serves every unit on every thread. */
    private static final DoubleStatistics.Builder STATISTICS = DoubleStatistics.builder(Statistic.MEAN, Statistic.SUM,
            Statistic.STANDARD_DEVIATION, Statistic.MIN, Statistic.MAX);

    @Override
    public String type() {
        return "stats.summary";
    }

    @Override
    public String description() {
        return "Records <prefix>mean, sum, sd (sample, n-1), min, max and n of the numbers in the data; "
                + "sd is left out when there are fewer than two. Data passes through.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.optional("prefix", "string", "", "prefix of the metric names"));
    }

    @Override
    public Object apply(Object data, FrozenContext ctx, Params params) {
        String prefix = params.getString("prefix");
        double[] values = Numbers.collect(data);
        if (values.length == 0) {
            throw new IllegalArgumentException("the data holds no numbers to summarise");
        }
        DoubleStatistics stats = STATISTICS.build(values);
        ctx.metrics().add(prefix + "mean", stats.getAsDouble(Statistic.MEAN));
        ctx.metrics().add(prefix + "sum", stats.getAsDouble(Statistic.SUM));
        if (values.length > 1) {
            ctx.metrics().add(prefix + "sd", stats.getAsDouble(Statistic.STANDARD_DEVIATION));
        }
        ctx.metrics().add(prefix + "min", stats.getAsDouble(Statistic.MIN));
        ctx.metrics().add(prefix + "max", stats.getAsDouble(Statistic.MAX));
        ctx.metrics().add(prefix + "n", (long) values.length);
        return data;
    }
}
