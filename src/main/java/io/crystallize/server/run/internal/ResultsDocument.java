package io.crystallize.server.run.internal;

import io.crystallize.server.engine.UnitOutcome;
import io.crystallize.server.run.ResultsView;
import io.crystallize.server.run.RunView;
import io.crystallize.server.run.StoredResults;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * The results of a finished run (API.md: metrics per condition in replicate order, hypotheses, errors,
 * skipped), computed once from the stored units and stored in the database, gzip-compressed, with a strong
 * ETag (SHA-256 of the JSON). In the database rather than in the data folder: every node of a cluster serves
 * it, and it goes with the run when the run is deleted. Built with a streaming generator into a temporary file,
 * from the run's metric values as primitives ({@link MetricColumns}); kept in memory for readers once stored.
 */
@Component
class ResultsDocument {

    private final JdbcTemplate jdbc;
    private final UnitCursor cursor;
    private final MetricColumns columns;
    private final RunHypothesisRepository hypotheses;
    private final JsonMapper json;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentMap<UUID, Object> building = new java.util.concurrent.ConcurrentHashMap<>();

    /** Stored documents by run, weighed by their gzip bytes: immutable once stored, so never stale. */
    private final Cache<UUID, StoredResults> cache;
    private final long cacheable;

    ResultsDocument(JdbcTemplate jdbc, UnitCursor cursor, MetricColumns columns, RunHypothesisRepository hypotheses,
                    JsonMapper json, Clock clock, RunStoreProperties props) {
        this.columns = columns;
        long bytes = props.resultsCache().toBytes();
        this.cache = Caffeine.newBuilder().maximumWeight(bytes)
                .weigher((UUID id, StoredResults r) -> (int) Math.min(Integer.MAX_VALUE, r.gzip().length + 200L)).build();
        this.cacheable = bytes / 4;
        this.jdbc = jdbc;
        this.cursor = cursor;
        this.hypotheses = hypotheses;
        this.json = json;
        this.clock = clock;
    }

    Optional<String> etag(UUID runId) {
        StoredResults cached = cache.getIfPresent(runId);
        if (cached != null) {
            return Optional.of(cached.etag());
        }
        return jdbc.queryForList("select etag from run_result where run_id = ?", String.class, runId).stream().findFirst();
    }

    Optional<StoredResults> find(UUID runId) {
        StoredResults cached = cache.getIfPresent(runId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredResults> stored = jdbc.query("select etag, json_size, body_gzip from run_result where run_id = ?",
                (rs, i) -> new StoredResults(rs.getString(1), rs.getLong(2), rs.getBytes(3)), runId).stream().findFirst();
        stored.filter(r -> r.gzip().length <= cacheable).ifPresent(r -> cache.put(runId, r));
        return stored;
    }

    /** Forgets a deleted run's document. */
    void evict(UUID runId) {
        cache.invalidate(runId);
    }

    /** The stored document of a finished run; built and stored first when there is none yet. */
    StoredResults prepare(Run run, List<String> conditions) {
        return prepare(run, conditions, null);
    }

    /**
     * As {@link #prepare(Run, List)}, from {@code units} when they are known to be the run's stored units (the
     * outcomes the engine finished the run with, every one of them inserted by this node's writer or read from
     * the database); null to read them from the database. Either way the document is the same, byte for byte.
     */
    StoredResults prepare(Run run, List<String> conditions, List<UnitOutcome> units) {
        Optional<StoredResults> stored = find(run.getId());
        if (stored.isPresent()) {
            return stored.get();
        }
        // One build of a run's document at a time on this node: a reader that comes while the run's own task (or
        // another reader) builds it waits and serves what was stored, rather than holding a second copy of a
        // million units' values.
        Object lock = building.computeIfAbsent(run.getId(), id -> new Object());
        try {
            synchronized (lock) {
                return find(run.getId()).orElseGet(() -> buildAndStore(run, conditions, units));
            }
        } finally {
            building.remove(run.getId(), lock);
        }
    }

    private StoredResults buildAndStore(Run run, List<String> conditions, List<UnitOutcome> units) {
        Path file = null;
        try {
            // Built into a file and stored from it: the gzip of a million units is tens of MB, which a small
            // heap should not hold while it grows (and again as the array handed to the driver).
            file = Files.createTempFile("crystallize-results-", ".json.gz");
            Built built = build(run, conditions, units, file);
            try (InputStream in = Files.newInputStream(file)) {
                long gzipSize = Files.size(file);
                jdbc.update("insert into run_result (run_id, etag, json_size, body_gzip, created_at) values (?, ?, ?, ?, ?)",
                        ps -> {
                            ps.setObject(1, run.getId());
                            ps.setString(2, built.etag());
                            ps.setLong(3, built.jsonSize());
                            ps.setBinaryStream(4, in, gzipSize);
                            ps.setTimestamp(5, Timestamp.from(clock.instant()));
                        });
            }
        } catch (DuplicateKeyException storedMeanwhile) {
            // Another request or node built it at the same time, from the same units: serve the stored one.
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            FileSystemUtils.deleteRecursively(file == null ? null : file.toFile()); // a temp file left behind is harmless
        }
        return find(run.getId()).orElseThrow();
    }

    private record Built(String etag, long jsonSize) {
    }

    private Built build(Run run, List<String> conditions, List<UnitOutcome> units, Path file) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Counting counted;
            try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
                counted = new Counting(new DigestOutputStream(gzip, sha));
                try (JsonGenerator g = json.createGenerator(counted)) {
                    write(g, run, conditions, units);
                }
            }
            return new Built("\"" + HexFormat.of().formatHex(sha.digest()) + "\"", counted.count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(JsonGenerator g, Run run, List<String> conditions, List<UnitOutcome> units) {
        UUID runId = run.getId();
        // The run row's counters equal its stored rows: a run with none failed or skipped needs no scan for them.
        Map<String, Object> counted = jdbc.queryForMap("select completed_units, failed_units, skipped_units from run "
                + "where id = ?", runId);
        g.writeStartObject();
        g.writeStringProperty("status", run.getStatus().name());
        g.writeName("metrics");
        g.writeStartObject();
        Map<String, Map<String, NumberColumn>> byCondition = columns.of(runId, conditions, units,
                ((Number) counted.get("completed_units")).longValue());
        for (String condition : conditions) {
            Map<String, NumberColumn> byMetric = byCondition.get(condition);
            g.writeName(condition);
            g.writeStartObject();
            for (var e : byMetric.entrySet()) {
                g.writeName(e.getKey());
                e.getValue().write(g);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeName("hypotheses");
        g.writeStartArray();
        hypotheses.findByRunIdOrderByPositionAsc(runId).forEach(h -> json.writeTree(g, json.readTree(h.getResultJson())));
        g.writeEndArray();
        problems(g, "errors", run, conditions, UnitCursor.Filter.FAILED, ((Number) counted.get("failed_units")).longValue());
        problems(g, "skipped", run, conditions, UnitCursor.Filter.SKIPPED,
                ((Number) counted.get("skipped_units")).longValue());
        g.writeName("links");
        json.writeValue(g, RunView.links(runId));
        g.writeEndObject();
    }

    /** Failed or skipped units by key, as {@link ResultsView.UnitProblem}s (skipped ones without a stack trace). */
    private void problems(JsonGenerator g, String name, Run run, List<String> conditions, UnitCursor.Filter filter,
                          long stored) {
        g.writeName(name);
        g.writeStartObject();
        if (stored > 0) {
            cursor.forEach(run.getId(), conditions, filter, true, 0, -1, u -> {
                g.writeName(io.crystallize.server.engine.ContextKeys.unitKey(u.condition(), u.replicate()));
                json.writeValue(g, new ResultsView.UnitProblem(u.errorType(), u.errorMessage(), u.replicate(), u.condition(),
                        filter == UnitCursor.Filter.FAILED ? u.errorTrace() : null));
            });
        }
        g.writeEndObject();
    }

    /** Counts the bytes of the JSON on their way to the digest and the compressor. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
