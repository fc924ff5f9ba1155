package io.crystallize.server.run.internal;

import io.crystallize.server.engine.MetricValue;
import io.crystallize.server.engine.UnitError;
import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.run.StoredResults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results document built from the outcomes the engine finished with is the document the scan of the stored
 * units builds, byte for byte (H2 and PostgreSQL), and the outcomes are used only when they are the stored ones.
 */
@SpringBootTest
class ResultsDocumentTest {

    @Autowired
    ResultsDocument results;
    @Autowired
    UnitStore store;
    @Autowired
    RunRepository runs;
    @Autowired
    JdbcTemplate jdbc;

    UUID runId;
    final List<String> conditions = List.of("baseline", "treated");

    @BeforeEach
    void run() {
        runId = RunRows.insert(jdbc, "COMPLETED", "[\"baseline\",\"treated\"]");
    }

    /** Units out of order, integers and doubles, several values of one metric with tags, a failed and a skipped unit. */
    private List<UnitOutcome> units() {
        List<UnitOutcome> units = new ArrayList<>();
        for (int r = 9; r >= 0; r--) {
            for (String c : conditions) {
                if (r == 4 && c.equals("treated")) {
                    units.add(UnitOutcome.failed(r, c, 7L, new UnitError("java.lang.IllegalStateException", "boom", "t")));
                    continue;
                }
                if (r == 5 && c.equals("treated")) {
                    units.add(UnitOutcome.skipped(r, c, "baseline failed"));
                    continue;
                }
                Map<String, List<MetricValue>> metrics = new LinkedHashMap<>();
                metrics.put("mean", List.of(new MetricValue(r * 0.1 + (c.equals("treated") ? 1e-17 : 2.5e20), Map.of())));
                metrics.put("count", List.of(new MetricValue(r * 1_000_000_007L, Map.of())));
                if (r % 3 == 0) {
                    metrics.put("loss", List.of(new MetricValue(0.3, Map.of("epoch", "1")), new MetricValue(r, Map.of("epoch", "2"))));
                }
                units.add(UnitOutcome.completed(r, c, 42L + r, metrics));
            }
        }
        return units;
    }

    private void storeAll(List<UnitOutcome> units) {
        try (UnitWriter writer = store.writer(runId, "node-a")) {
            units.forEach(writer::onUnit);
        }
    }

    private StoredResults rebuilt(List<UnitOutcome> units) {
        jdbc.update("delete from run_result where run_id = ?", runId);
        results.evict(runId);
        return results.prepare(runs.findById(runId).orElseThrow(), conditions, units);
    }

    private static String json(StoredResults r) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.gzip()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDocumentFromTheOutcomesIsTheDocumentFromTheStoredUnits() throws IOException {
        List<UnitOutcome> units = units();
        storeAll(units);
        StoredResults scanned = rebuilt(null);
        StoredResults fromOutcomes = rebuilt(units);
        assertThat(json(fromOutcomes)).isEqualTo(json(scanned));
        assertThat(fromOutcomes.etag()).isEqualTo(scanned.etag());
        assertThat(json(scanned)).contains("\"loss\":[0.3,0,0.3,3,0.3,6,0.3,9]").contains("\"boom\"");
        // The outcomes were read, not the database: a value changed in them (and nowhere else) is in the document.
        List<UnitOutcome> changed = new ArrayList<>(units);
        UnitOutcome first = changed.get(0);
        changed.set(0, UnitOutcome.completed(first.replicate(), first.condition(), first.seed(),
                Map.of("mean", List.of(new MetricValue(123.25, Map.of())), "count", List.of(new MetricValue(1, Map.of())))));
        assertThat(json(rebuilt(changed))).contains("123.25").isNotEqualTo(json(scanned));
    }

    @Test
    void aStoredDocumentIsReadOnceThenServedFromMemoryUntilItsRunIsDeleted() {
        storeAll(units());
        StoredResults built = rebuilt(null);
        StoredResults first = results.find(runId).orElseThrow();
        assertThat(results.find(runId).orElseThrow()).as("from the cache").isSameAs(first);
        assertThat(first.etag()).isEqualTo(built.etag());
        results.evict(runId);
        StoredResults reread = results.find(runId).orElseThrow();
        assertThat(reread).isNotSameAs(first);
        assertThat(reread.gzip()).isEqualTo(first.gzip());
    }

    @Test
    void outcomesThatAreNotTheStoredUnitsAreNotUsed() throws IOException {
        List<UnitOutcome> units = units();
        storeAll(units);
        StoredResults scanned = rebuilt(null);
        // One completed unit fewer than the run's counter (e.g. the engine did not see units another node stored).
        List<UnitOutcome> partial = new ArrayList<>(units);
        partial.remove(0);
        assertThat(json(rebuilt(partial))).isEqualTo(json(scanned));
        // A float would be read back from its JSON as another double: the stored text wins.
        List<UnitOutcome> floats = new ArrayList<>(units);
        UnitOutcome first = floats.get(0);
        floats.set(0, UnitOutcome.completed(first.replicate(), first.condition(), first.seed(),
                Map.of("mean", List.of(new MetricValue(0.1f, Map.of())))));
        assertThat(json(rebuilt(floats))).isEqualTo(json(scanned));
    }
}
