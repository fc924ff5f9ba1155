package io.crystallize.server.engine.spi;

/**
 * Where a step or datasource sits in one run: the experiment, the run and its position in the pipeline
 * ({@code steps[index]}, or {@link #DATASOURCE} for the datasource). Ids are null where there is no run.
 *
 * @param experimentId   the stored experiment's id
 * @param experimentName the experiment's name
 * @param runId          the run's id
 * @param index          the step's index in {@code steps}, or {@link #DATASOURCE}
 */
public record Placement(String experimentId, String experimentName, String runId, int index) {

    /** The index of the datasource, which comes before every step. */
    public static final int DATASOURCE = -1;

    /** {@code component} bound to this placement when it is {@link Placeable}, else {@code component} itself. */
    @SuppressWarnings("unchecked")
    public <T> T bind(T component) {
        return component instanceof Placeable<?> placeable ? (T) placeable.placedAt(this) : component;
    }
}
