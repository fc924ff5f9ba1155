package io.crystallize.server.run.internal;

import io.crystallize.server.engine.UnitStatus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The binary value of one row of {@code run_unit_batch}: a batch of a run's units, as the writer stored them. A row
 * per batch instead of a row per unit is what lets the database keep up with the engine (17-22x more units a
 * second on H2, {@code UnitRowsBench}). Every field of a unit is kept; strings that repeat within a batch (the
 * conditions, the node, the provenance, an error's type) are written once and then referred to by their index.
 * Numbers are variable-length. A reader that does not want a unit's metrics, errors or provenance skips their
 * bytes without decoding them.
 *
 * <p>Public, for the Flyway migration that moved the rows of the old {@code run_unit} table into batches.
 */
public final class UnitBatch {

    private static final int VERSION = 1;
    private static final int HAS_SEED = 1;
    private static final int HAS_ERROR = 2;
    /** A status's stored code is its index here: part of the format, never reordered (the enum may be). */
    private static final UnitStatus[] STATUSES = {UnitStatus.COMPLETED, UnitStatus.FAILED, UnitStatus.SKIPPED};

    private UnitBatch() {
    }

    /**
     * One stored unit. {@code finishedAt} is kept to the microsecond (PostgreSQL's precision); {@code metricsJson}
     * is the JSON of {@link MetricsJson}, {@code provenanceJson} the JSON array of the unit's steps (null when no
     * step ran). A reader that asked for keys only gets nulls for the metrics, the error and the provenance.
     */
    public record Unit(int replicate, String condition, UnitStatus status, Long seed, String metricsJson,
                       String errorType, String errorMessage, String errorTrace, String node, Instant finishedAt,
                       int cacheHits, String provenanceJson) {
    }

    /** The batch's counts, kept in columns of its row so counts and filters do not read the value. */
    public record Counts(int units, int completed, int failed, int skipped, int withSeed, int firstReplicate,
                         int lastReplicate) {

        public static Counts of(List<Unit> units) {
            int completed = 0;
            int failed = 0;
            int skipped = 0;
            int withSeed = 0;
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (Unit u : units) {
                switch (u.status()) {
                    case COMPLETED -> completed++;
                    case FAILED -> failed++;
                    case SKIPPED -> skipped++;
                }
                withSeed += u.seed() == null ? 0 : 1;
                first = Math.min(first, u.replicate());
                last = Math.max(last, u.replicate());
            }
            return new Counts(units.size(), completed, failed, skipped, withSeed, first, last);
        }
    }

    /** The insert of one batch row; {@link #bind} sets its parameters. */
    public static final String INSERT = "insert into run_unit_batch (run_id, first_replicate, last_replicate, units, "
            + "completed, failed, skipped, with_seed, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Sets the parameters of {@link #INSERT} for {@code units} of {@code runId}. */
    public static void bind(java.sql.PreparedStatement ps, java.util.UUID runId, List<Unit> units)
            throws java.sql.SQLException {
        Counts counts = Counts.of(units);
        ps.setObject(1, runId);
        ps.setInt(2, counts.firstReplicate());
        ps.setInt(3, counts.lastReplicate());
        ps.setInt(4, counts.units());
        ps.setInt(5, counts.completed());
        ps.setInt(6, counts.failed());
        ps.setInt(7, counts.skipped());
        ps.setInt(8, counts.withSeed());
        ps.setBytes(9, encode(units));
    }

    public static byte[] encode(List<Unit> units) {
        Writer w = new Writer(units.size() * 160);
        w.varint(VERSION);
        w.varint(units.size());
        for (Unit u : units) {
            w.varint(u.replicate());
            w.ref(u.condition());
            int flags = (u.seed() == null ? 0 : HAS_SEED) | (u.errorType() == null ? 0 : HAS_ERROR);
            w.out.write(code(u.status()) << 4 | flags);
            if (u.seed() != null) {
                w.varlong(zigzag(u.seed()));
            }
            w.ref(u.node());
            w.varlong(zigzag(micros(u.finishedAt())));
            w.varint(u.cacheHits());
            w.string(u.metricsJson());
            if (u.errorType() != null) {
                w.ref(u.errorType());
                w.string(u.errorMessage());
                w.string(u.errorTrace());
            }
            w.ref(u.provenanceJson());
        }
        return w.out.toByteArray();
    }

    /**
     * Decodes a batch, unit by unit, in the order it was stored. With {@code details} false, the metrics, error
     * and provenance are skipped (nulls), which is most of the bytes.
     */
    public static void decode(byte[] data, boolean details, Consumer<Unit> each) {
        Reader r = new Reader(data);
        int version = r.varint();
        if (version != VERSION) {
            throw new IllegalStateException("unit batch of an unknown version " + version);
        }
        int n = r.varint();
        for (int i = 0; i < n; i++) {
            int replicate = r.varint();
            String condition = r.ref(true);
            int head = r.data[r.pos++] & 0xff;
            Long seed = (head & HAS_SEED) != 0 ? unzigzag(r.varlong()) : null;
            String node = r.ref(true);
            Instant finishedAt = instant(unzigzag(r.varlong()));
            int cacheHits = r.varint();
            String metrics = r.string(details);
            String errorType = null;
            String errorMessage = null;
            String errorTrace = null;
            if ((head & HAS_ERROR) != 0) {
                errorType = r.ref(details);
                errorMessage = r.string(details);
                errorTrace = r.string(details);
            }
            String provenance = r.ref(details);
            each.accept(new Unit(replicate, condition, STATUSES[head >>> 4], seed, metrics, errorType, errorMessage,
                    errorTrace, node, finishedAt, cacheHits, provenance));
        }
    }

    /** Every unit of a batch, keys and statuses only ({@code details} false). */
    public static List<Unit> keys(byte[] data) {
        List<Unit> units = new ArrayList<>();
        decode(data, false, units::add);
        return units;
    }

    private static int code(UnitStatus status) {
        return switch (status) {
            case COMPLETED -> 0;
            case FAILED -> 1;
            case SKIPPED -> 2;
        };
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static final class Writer {
        final ByteArrayOutputStream out;
        final Map<String, Integer> refs = new HashMap<>();

        Writer(int size) {
            out = new ByteArrayOutputStream(size);
        }

        void varint(int v) {
            varlong(v & 0xffffffffL);
        }

        void varlong(long v) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) (v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        /** 0 for null, then the string's length + 1 and its UTF-8 bytes. */
        void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length + 1);
            out.write(bytes, 0, bytes.length);
        }

        /** A string that may repeat: 0 for null, 1 and the string the first time, then its index + 2. */
        void ref(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            Integer index = refs.get(s);
            if (index != null) {
                varint(index + 2);
                return;
            }
            refs.put(s, refs.size());
            varint(1);
            string(s);
        }
    }

    private static final class Reader {
        final byte[] data;
        int pos;
        final List<String> refs = new ArrayList<>();

        Reader(byte[] data) {
            this.data = data;
        }

        int varint() {
            return (int) varlong();
        }

        long varlong() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = data[pos++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        String string(boolean decode) {
            int length = varint() - 1;
            if (length < 0) {
                return null;
            }
            String s = decode ? new String(data, pos, length, StandardCharsets.UTF_8) : null;
            pos += length;
            return s;
        }

        /** Strings first seen are always decoded: a later reference needs them. */
        String ref(boolean decode) {
            int tag = varint();
            if (tag == 0) {
                return null;
            }
            if (tag == 1) {
                String s = string(true);
                refs.add(s);
                return s;
            }
            return refs.get(tag - 2);
        }
    }
}
