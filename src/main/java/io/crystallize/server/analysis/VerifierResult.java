package io.crystallize.server.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a verifier's JSON-shaped output. Every key of the common contract is present from the start
 * (null until known) so consumers see one shape whether the test succeeded or not; non-finite numbers
 * become null because JSON has no NaN or Infinity.
 */
final class VerifierResult {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> flags = new ArrayList<>();
    private Double alpha;

    /** The keys every output has, null until known. */
    static final List<String> KEYS = List.of("p_value", "statistic", "significant", "alpha", "alternative", "n_baseline",
            "n_treatment", "mean_baseline", "mean_treatment", "diff", "relative_diff", "effect_size",
            "effect_size_kind", "ci_low", "ci_high", "flags");

    VerifierResult() {
        for (String key : KEYS) {
            values.put(key, null);
        }
    }

    VerifierResult settings(TestSettings settings) {
        alpha = settings.alpha();
        values.put("alpha", settings.alpha());
        values.put("alternative", settings.alternative().label());
        return this;
    }

    /** Sizes, means and the difference of means (treatment minus baseline) of the values a test used. */
    VerifierResult describe(int nBaseline, int nTreatment, double meanBaseline, double meanTreatment) {
        values.put("n_baseline", nBaseline);
        values.put("n_treatment", nTreatment);
        number("mean_baseline", meanBaseline);
        number("mean_treatment", meanTreatment);
        double diff = meanTreatment - meanBaseline;
        number("diff", diff);
        number("relative_diff", meanBaseline == 0 ? Double.NaN : diff / Math.abs(meanBaseline));
        return this;
    }

    VerifierResult test(double pValue, double statistic) {
        number("p_value", pValue);
        number("statistic", statistic);
        return this;
    }

    VerifierResult effect(String kind, double size) {
        values.put("effect_size_kind", kind);
        number("effect_size", size);
        return this;
    }

    /** The interval of the difference; a one-sided interval passes an infinite bound, written as null. */
    VerifierResult interval(double low, double high) {
        number("ci_low", low);
        number("ci_high", high);
        return this;
    }

    VerifierResult flags(List<String> more) {
        for (String f : more) {
            flag(f);
        }
        return this;
    }

    VerifierResult flag(String flag) {
        if (!flags.contains(flag)) {
            flags.add(flag);
        }
        return this;
    }

    VerifierResult number(String key, double value) {
        values.put(key, Double.isFinite(value) ? value : null);
        return this;
    }

    VerifierResult put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** Undefined test: no p-value, no statistic, and the reason. */
    VerifierResult error(String message) {
        values.put("p_value", null);
        values.put("statistic", null);
        values.put("error", message);
        return this;
    }

    Map<String, Object> toMap() {
        Object p = values.get("p_value");
        values.put("significant", p instanceof Double d && alpha != null && d < alpha);
        values.put("flags", List.copyOf(flags));
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
