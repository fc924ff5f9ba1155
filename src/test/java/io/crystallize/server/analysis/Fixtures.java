package io.crystallize.server.analysis;

import io.crystallize.server.engine.spi.Observation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The scipy reference values written by {@code scripts/stats/make_fixtures.py}. */
final class Fixtures {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Fixtures() {
    }

    /** One dataset pair and, per verifier type and alternative, what scipy computed. */
    record Case(String id, String kind, double alpha, boolean illConditioned, List<Double> baseline, List<Integer> baselineReplicates,
                List<Double> treatment, List<Integer> treatmentReplicates,
                Map<String, Map<String, Expected>> expected) {

        Map<String, List<Observation>> baselineMetric() {
            return Map.of("m", observations(baseline, baselineReplicates));
        }

        Map<String, List<Observation>> treatmentMetric() {
            return Map.of("m", observations(treatment, treatmentReplicates));
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * Null bounds are infinite; other null fields are not computed for that test. {@code exactStatistic}
     * (ill-conditioned cases only) is the t statistic in exact rational arithmetic.
     */
    record Expected(Double pValue, Double statistic, Double df, Double ciLow, Double ciHigh, Double effectSize,
                    Integer nPairs, String method, Boolean exact, Double exactStatistic) {
    }

    record VerifierFile(List<Case> cases) {
    }

    /** A vector of raw p-values and the textbook adjustment for each method. */
    record AdjustmentCase(List<Double> pValues, Map<String, List<Double>> expected) {
    }

    record AdjustmentFile(List<AdjustmentCase> cases) {
    }

    static List<Case> verifierCases() {
        return read("verifiers.json", VerifierFile.class).cases();
    }

    static List<AdjustmentCase> adjustmentCases() {
        return read("multiple_comparisons.json", AdjustmentFile.class).cases();
    }

    static List<Observation> observations(List<Double> values, List<Integer> replicates) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(new Observation(replicates.get(i), values.get(i)));
        }
        return out;
    }

    private static <T> T read(String name, Class<T> type) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/stats/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name + ": run scripts/stats/make_fixtures.py");
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
