package io.crystallize.server.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A hypothesis's result for one treatment: one {@link VerifierOutput} per metric group. A hypothesis with one
 * group shows its output as a JSON object, one with several groups ({@code grouped}) as an array of them.
 */
public record TreatmentResult(List<VerifierOutput> groups, boolean grouped) {

    public TreatmentResult {
        groups = List.copyOf(groups);
        if (!grouped && groups.size() != 1) {
            throw new IllegalArgumentException("an ungrouped result has exactly one output, not " + groups.size());
        }
    }

    public static TreatmentResult single(VerifierOutput output) {
        return new TreatmentResult(List.of(output), false);
    }

    public static TreatmentResult grouped(List<VerifierOutput> groups) {
        return new TreatmentResult(groups, true);
    }

    public VerifierOutput group(int index) {
        return groups.get(index);
    }

    /** The same result with group {@code index} replaced. */
    public TreatmentResult withGroup(int index, VerifierOutput output) {
        List<VerifierOutput> copy = new ArrayList<>(groups);
        copy.set(index, output);
        return new TreatmentResult(copy, grouped);
    }

    /** Whether some group's output has {@code key}. */
    public boolean has(String key) {
        return groups.stream().anyMatch(g -> g.has(key));
    }
}
