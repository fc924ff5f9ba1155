package io.crystallize.server.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a verifier returned for one metric group of one treatment: a JSON object whose keys keep the verifier's
 * order (the results document shows them so). The keys of the common contract — {@code p_value},
 * {@code statistic}, {@code significant}, {@code alpha}, {@code error}, and after a correction {@code correction},
 * {@code p_adjusted}, {@code significant_adjusted} — have typed accessors; a verifier's own keys (effect sizes,
 * intervals, {@code n_pairs}, …) stay readable by name. Values may be null (a test that could not be computed).
 */
public record VerifierOutput(Map<String, Object> values) {

    public VerifierOutput {
        // A copy that keeps the order and allows null values (Map.copyOf would refuse them).
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** An output that only says why the test failed. */
    public static VerifierOutput error(String message) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("error", message);
        return new VerifierOutput(values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Object get(String key) {
        return values.get(key);
    }

    /** The value of {@code key} as a number, or null when it is absent or not a number. */
    public Double number(String key) {
        return values.get(key) instanceof Number n ? n.doubleValue() : null;
    }

    public Double pValue() {
        return number("p_value");
    }

    public Double statistic() {
        return number("statistic");
    }

    public Boolean significant() {
        return values.get("significant") instanceof Boolean b ? b : null;
    }

    /** The significance level the test used; 0.05 when the output does not say. */
    public double alpha() {
        Double alpha = number("alpha");
        return alpha == null ? 0.05 : alpha;
    }

    public String error() {
        return values.get("error") instanceof String s ? s : null;
    }

    public Double pAdjusted() {
        return number("p_adjusted");
    }

    public Boolean significantAdjusted() {
        return values.get("significant_adjusted") instanceof Boolean b ? b : null;
    }

    /** This output with {@code correction}, {@code p_adjusted} and {@code significant_adjusted} set (in that order). */
    public VerifierOutput corrected(String method, Double pAdjusted) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put("correction", method);
        copy.put("p_adjusted", pAdjusted);
        copy.put("significant_adjusted", pAdjusted != null && pAdjusted < alpha());
        return new VerifierOutput(copy);
    }
}
