package io.crystallize.server.analysis;

import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;

import java.util.List;
import java.util.stream.Stream;

/** The params every verifier takes: {@code alpha} and {@code alternative}. */
record TestSettings(double alpha, Alternative alternative) {

    static final double DEFAULT_ALPHA = 0.05;

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.optional("alpha", "number", DEFAULT_ALPHA,
                    "significance level in (0, 1); also sets the confidence interval at 1 - alpha").strictlyBetween(0, 1),
            ParamSpec.optional("alternative", "string", "two-sided",
                    "two-sided, greater (treatment above baseline) or less").withAllowed("two-sided", "greater", "less"));

    /** The common specs followed by a verifier's own. */
    static List<ParamSpec> specsWith(ParamSpec... more) {
        return Stream.concat(SPECS.stream(), Stream.of(more)).toList();
    }

    static TestSettings from(Params params) {
        double alpha = params.has("alpha") ? params.getDouble("alpha") : DEFAULT_ALPHA;
        if (!(alpha > 0 && alpha < 1)) {
            throw new VerificationException("alpha must be in (0, 1); got " + alpha);
        }
        String alternative = params.has("alternative") ? params.getString("alternative") : "two-sided";
        return new TestSettings(alpha, Alternative.parse(alternative));
    }
}
