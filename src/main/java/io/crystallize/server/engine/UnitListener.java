package io.crystallize.server.engine;

/** Told of every unit as soon as it ends, from the thread that ran it (e.g. to persist it at once). */
@FunctionalInterface
public interface UnitListener {

    void onUnit(UnitOutcome outcome);

    UnitListener NONE = outcome -> { };
}
