package io.crystallize.server.artifact.internal;

import io.crystallize.server.experiment.ExperimentCreating;
import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentDeleting;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * An experiment's artifact folder ({@code <rootDir>/<name>}, symlinks resolved) is its own: creating an experiment
 * claims it in the {@code experiment_folder} table, and a folder that equals, lies inside or contains another
 * experiment's — in any workspace, since all share one disk — is a 409 naming the field, with the creation rolled
 * back. Retention, the {@code v0} replacement and a deleted run's cleanup act on their own folder's contents, so
 * they then never touch another experiment's files.
 * <p>
 * Check and claim happen in the creating transaction under a lock on the one row of {@code experiment_folder_lock}:
 * two concurrent creates of overlapping folders are decided one after the other, and the second sees the first's
 * claim once it has committed. Deleting an experiment frees its folder. Experiments older than the table are claimed
 * lazily, under the same lock, by every create until one is stored (a refused create rolls its claims back too).
 */
@Component
class ExperimentFolders {

    private static final Logger log = LoggerFactory.getLogger(ExperimentFolders.class);

    private final JdbcTemplate jdbc;
    private final ArtifactStore store;
    private final ArtifactProperties properties;
    private final ExperimentService experiments;

    ExperimentFolders(JdbcTemplate jdbc, ArtifactStore store, ArtifactProperties properties,
                      ExperimentService experiments) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.experiments = experiments;
    }

    @EventListener
    void on(ExperimentCreating created) {
        jdbc.queryForObject("select id from experiment_folder_lock where id = 1 for update", Integer.class);
        claimUnclaimed(created.experimentId());
        ExperimentDefinition definition = created.definition();
        Path folder = folder(definition);
        String clash = clash(folder);
        if (clash != null) {
            // The other experiment is not named: it may live in a workspace the caller cannot see.
            String message = "the artifact folder " + folder + " " + clash + " the folder of another experiment, whose "
                    + "runs would replace or prune its files; choose another rootDir or name";
            String field = field(definition);
            throw new ConflictException(field + ": " + message, List.of(new FieldError(field, message)));
        }
        insert(created.experimentId(), folder.toString());
    }

    /** Runs first (the event is published before the experiment's row goes): its folder is free once that commits. */
    @EventListener
    void on(ExperimentDeleting deleting) {
        jdbc.update("delete from experiment_folder where experiment_id = ?", deleting.experimentId());
    }

    /** How {@code folder} overlaps a claimed folder ("is", "lies inside", "contains"), or null when it does not. */
    private String clash(Path folder) {
        if (claimed(List.of(hash(folder.toString())))) {
            return "is";
        }
        // Path-component prefixes: <root>/ab is not inside <root>/a.
        List<String> ancestors = new ArrayList<>();
        for (Path p = folder.getParent(); p != null; p = p.getParent()) {
            ancestors.add(hash(p.toString()));
        }
        if (claimed(ancestors)) {
            return "lies inside";
        }
        String below = folder + folder.getFileSystem().getSeparator();
        Integer inside = jdbc.queryForObject("select count(*) from experiment_folder where folder like ? escape '\\'",
                Integer.class, like(below) + "%");
        return inside != null && inside > 0 ? "contains" : null;
    }

    private boolean claimed(List<String> hashes) {
        if (hashes.isEmpty()) {
            return false;
        }
        String marks = String.join(", ", Collections.nCopies(hashes.size(), "?"));
        Integer n = jdbc.queryForObject("select count(*) from experiment_folder where folder_hash in (" + marks + ")",
                Integer.class, hashes.toArray());
        return n != null && n > 0;
    }

    /** The folder the artifacts plugin writes this experiment's versions into (as {@link ArtifactPluginFactory}). */
    private Path folder(ExperimentDefinition definition) {
        String rootDir = rootDir(definition);
        return Path.of(store.root(rootDir == null ? properties.rootDir() : rootDir)).resolve(definition.name());
    }

    /** The explicit rootDir when there is one (the folder is then chosen there), else the name. */
    private static String field(ExperimentDefinition definition) {
        for (int i = 0; i < definition.plugins().size(); i++) {
            if (isArtifacts(definition.plugins().get(i)) && rootDirOf(definition.plugins().get(i)) != null) {
                return "plugins[" + i + "].params.rootDir";
            }
        }
        return "name";
    }

    private static String rootDir(ExperimentDefinition definition) {
        return definition.plugins().stream().filter(ExperimentFolders::isArtifacts).findFirst()
                .map(ExperimentFolders::rootDirOf).orElse(null);
    }

    private static boolean isArtifacts(ExperimentDefinition.ComponentSpec plugin) {
        return "artifacts".equals(plugin.type());
    }

    private static String rootDirOf(ExperimentDefinition.ComponentSpec plugin) {
        return plugin.params().get("rootDir") instanceof String dir && !dir.isBlank() ? dir : null;
    }

    /**
     * Claims the folders of experiments stored before the table existed (none after the first create), as they are:
     * they may not be checked against one another any more, but every new one is checked against them.
     */
    private void claimUnclaimed(UUID creating) {
        List<UUID> unclaimed = jdbc.queryForList("select e.id from experiment e where e.id <> ? and not exists "
                + "(select 1 from experiment_folder f where f.experiment_id = e.id)", UUID.class, creating);
        for (UUID id : unclaimed) {
            String folder;
            try {
                folder = folder(experiments.get(id).definition()).toString();
            } catch (RuntimeException e) {
                // A rootDir from before it was checked (a NUL, a dangling link): no run can write there, so it claims
                // nothing a path can match, and is not looked at again.
                log.warn("experiment {}: its artifact folder cannot be resolved ({}); it claims none", id, e.getMessage());
                folder = "unresolved:" + id;
            }
            if (claimed(List.of(hash(folder)))) {
                log.warn("experiment {}: its artifact folder {} is claimed already; it claims none", id, folder);
                folder = "unresolved:" + id;
            }
            insert(id, folder);
        }
    }

    private void insert(UUID experimentId, String folder) {
        jdbc.update("insert into experiment_folder (experiment_id, folder, folder_hash) values (?, ?, ?)",
                experimentId, folder, hash(folder));
    }

    private static String like(String literal) {
        return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String hash(String folder) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(folder.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
