package io.crystallize.server.run.internal;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A run's stored units as its batch rows hold them, in storage order: what tests check the store against. */
final class StoredUnits {

    private StoredUnits() {
    }

    static List<UnitBatch.Unit> of(JdbcTemplate jdbc, UUID runId) {
        List<UnitBatch.Unit> units = new ArrayList<>();
        jdbc.query("select data from run_unit_batch where run_id = ? order by id",
                rs -> { UnitBatch.decode(rs.getBytes(1), true, units::add); }, runId);
        return units;
    }

    static UnitBatch.Unit one(JdbcTemplate jdbc, UUID runId, int replicate, String condition) {
        List<UnitBatch.Unit> found = of(jdbc, runId).stream()
                .filter(u -> u.replicate() == replicate && u.condition().equals(condition)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " units " + replicate + "/" + condition + " stored");
        }
        return found.get(0);
    }
}
