package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.ReplicateResult;

import java.util.List;

/**
 * How an {@link ExecutionStrategy} ended its loop: every replicate ran here ({@link Completed}), the units were
 * handed to other nodes and the run is completed later ({@link HandedOff}), or the strategy declined and the
 * engine asks the next one ({@link Declined}, crystallize's {@code NotImplemented}).
 */
public sealed interface LoopOutcome {

    /** Every replicate ran; the results in any order. */
    record Completed(List<ReplicateResult> replicates) implements LoopOutcome {
        public Completed {
            replicates = List.copyOf(replicates);
        }
    }

    /** The units continue elsewhere; {@code where} says where, for the run's log. */
    record HandedOff(String where) implements LoopOutcome {
    }

    /** This strategy does not run the loop for this experiment. */
    record Declined() implements LoopOutcome {
    }

    static LoopOutcome completed(List<ReplicateResult> replicates) {
        return new Completed(replicates);
    }

    static LoopOutcome handedOff(String where) {
        return new HandedOff(where);
    }

    static LoopOutcome declined() {
        return new Declined();
    }
}
