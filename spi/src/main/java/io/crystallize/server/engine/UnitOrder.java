package io.crystallize.server.engine;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The one order of a run's units, and of anything kept per unit (seeds, units, provenance, artifacts; API.md):
 * by replicate, then by condition in the run's order ({@code baseline} first, then the run's treatments as
 * requested). A condition the run does not list comes after those it does, by name, so the order is total.
 *
 * <p>The order depends on the run's conditions, so it is a comparator made for a run rather than a constant.
 * Reads straight from the database sort the same way in SQL ({@code order by replicate, case condition when ?
 * then 0 … else n end, condition}, in the run module's unit cursor); a change here changes that clause too.
 */
public final class UnitOrder {

    private UnitOrder() {
    }

    /** Unit outcomes in the run's order. */
    public static Comparator<UnitOutcome> of(List<String> conditions) {
        return by(conditions, UnitOutcome::replicate, UnitOutcome::condition);
    }

    /** Anything kept per unit, by the replicate and condition it belongs to, in the run's order. */
    public static <T> Comparator<T> by(List<String> conditions, ToIntFunction<? super T> replicate,
                                       Function<? super T, String> condition) {
        return Comparator.<T>comparingInt(replicate)
                .thenComparingInt(t -> rank(conditions, condition.apply(t)))
                .thenComparing(condition);
    }

    /** The condition's position in the run's order; one past the last for a condition the run does not list. */
    public static int rank(List<String> conditions, String condition) {
        int i = conditions.indexOf(condition);
        return i < 0 ? conditions.size() : i;
    }
}
