package io.crystallize.server.run.internal;

import io.crystallize.server.engine.CachedStep;
import io.crystallize.server.engine.spi.StepCache;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step cache in the database ({@code step_cache}), so it survives restarts and serves every node of a cluster.
 * The address is the SHA-256 of the canonical JSON (map keys sorted) of everything the step can see; entries are
 * JSON (artifact bytes base64), bounded in size, evicted least recently used first.
 */
@Component
class DatabaseStepCache implements StepCache {

    private final JdbcTemplate jdbc;
    private final JsonMapper canonical;
    private final JsonMapper json;
    private final Clock clock;
    private final long maxSize;
    private final long maxEntrySize;

    DatabaseStepCache(JdbcTemplate jdbc, JsonMapper json, Clock clock, StepCacheProperties props) {
        this.jdbc = jdbc;
        this.json = json;
        this.canonical = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        this.clock = clock;
        this.maxSize = props.maxSize().toBytes();
        this.maxEntrySize = props.maxEntrySize().toBytes();
    }

    @Override
    public String key(String stepType, Map<String, Object> params, Object input, Long seed, long draws,
                      Map<String, Object> context) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("type", stepType);
        address.put("params", params);
        address.put("input", input);
        address.put("seed", seed);
        address.put("draws", draws);
        address.put("context", context);
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.writeValueAsBytes(address)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<CachedStep> get(String key) {
        List<String> found = jdbc.queryForList("select output_json from step_cache where cache_key = ?", String.class, key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("update step_cache set last_used_at = ? where cache_key = ?", Timestamp.from(clock.instant()), key);
        return Optional.of(json.readValue(found.get(0), CachedStep.class));
    }

    @Override
    public void put(String key, String stepType, CachedStep entry) {
        String encoded = json.writeValueAsString(entry);
        long size = encoded.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxEntrySize) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("insert into step_cache (cache_key, step_type, output_json, size_bytes, created_at, last_used_at)"
                    + " values (?, ?, ?, ?, ?, ?)", key, stepType, encoded, size, now, now);
        } catch (DuplicateKeyException sameEntry) {
            return; // another unit or node kept the same entry first; it is equal by construction
        }
        evict();
    }

    /** Drops the least recently used entries until the cache is within its bound. */
    private void evict() {
        Long total = jdbc.queryForObject("select coalesce(sum(size_bytes), 0) from step_cache", Long.class);
        if (total == null || total <= maxSize) {
            return;
        }
        long excess = total - maxSize;
        while (excess > 0) {
            List<Map<String, Object>> oldest = jdbc.queryForList("select cache_key, size_bytes from step_cache"
                    + " order by last_used_at, cache_key fetch first 100 rows only");
            if (oldest.isEmpty()) {
                return;
            }
            for (Map<String, Object> row : oldest) {
                if (excess <= 0) {
                    return;
                }
                jdbc.update("delete from step_cache where cache_key = ?", row.get("cache_key"));
                excess -= ((Number) row.get("size_bytes")).longValue();
            }
        }
    }
}
