package io.crystallize.server.analysis;

import io.crystallize.server.engine.spi.Observation;

import java.util.List;
import java.util.Map;

/**
 * The one metric a verifier compares, as it arrived: the observations of each arm in replicate order,
 * and their values as arrays (what the tests consume).
 */
record Arms(String metric, List<Observation> baselineObservations, List<Observation> treatmentObservations) {

    /** Takes the single metric of the group; a group of several metrics is a caller error the engine rejects. */
    static Arms of(Map<String, List<Observation>> baseline, Map<String, List<Observation>> treatment) {
        if (baseline == null || treatment == null || baseline.size() != 1 || treatment.size() != 1) {
            throw new VerificationException("expected exactly one metric per arm; got "
                    + (baseline == null ? "none" : baseline.keySet()) + " and "
                    + (treatment == null ? "none" : treatment.keySet()));
        }
        Map.Entry<String, List<Observation>> b = baseline.entrySet().iterator().next();
        List<Observation> t = treatment.values().iterator().next();
        return new Arms(b.getKey(), b.getValue() == null ? List.of() : b.getValue(), t == null ? List.of() : t);
    }

    double[] baseline() {
        return values(baselineObservations);
    }

    double[] treatment() {
        return values(treatmentObservations);
    }

    /** NaN or infinite values make every statistic meaningless: refuse them with a clear message. */
    void requireFinite() {
        requireFinite("baseline", baselineObservations);
        requireFinite("treatment", treatmentObservations);
    }

    private void requireFinite(String arm, List<Observation> observations) {
        for (Observation o : observations) {
            if (!Double.isFinite(o.value())) {
                throw new VerificationException("metric '" + metric + "' has a non-finite value (" + o.value()
                        + ") in the " + arm + " arm, replicate " + o.replicate());
            }
        }
    }

    private static double[] values(List<Observation> observations) {
        double[] v = new double[observations.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = observations.get(i).value();
        }
        return v;
    }
}
