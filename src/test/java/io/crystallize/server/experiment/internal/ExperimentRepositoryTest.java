package io.crystallize.server.experiment.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.crystallize.server.experiment.internal.ExperimentRepository.inWorkspaces;
import static io.crystallize.server.experiment.internal.ExperimentRepository.nameContains;
import static io.crystallize.server.experiment.internal.ExperimentRepository.named;
import static io.crystallize.server.experiment.internal.ExperimentRepository.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The experiment search on the suite's database: the name part ({@code %} and {@code _} literal, any case), tags,
 * workspaces, paging newest first; the lookups by id and name; one experiment per name.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ExperimentRepositoryTest {

    /** The admin's personal workspace, created by the V12 migration. */
    static final UUID ADMIN_WORKSPACE = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    ExperimentRepository experiments;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNamePartMatchesAnyCaseAndItsWildcardsLiterally() {
        save(ADMIN_WORKSPACE, "Boost_Total", Map.of(), 1);
        save(ADMIN_WORKSPACE, "boostXtotal", Map.of(), 2);
        save(ADMIN_WORKSPACE, "hit-100%", Map.of(), 3);
        save(ADMIN_WORKSPACE, "hit-1000", Map.of(), 4);
        save(ADMIN_WORKSPACE, "back\\slash", Map.of(), 5);

        assertThat(names(nameContains("boost_"))).containsExactly("Boost_Total");
        assertThat(names(nameContains("BOOST"))).containsExactlyInAnyOrder("Boost_Total", "boostXtotal");
        assertThat(names(nameContains("0%"))).containsExactly("hit-100%");
        assertThat(names(nameContains("k\\s"))).containsExactly("back\\slash");
        assertThat(names(named("hit-1000"))).containsExactly("hit-1000");
    }

    @Test
    void tagsMatchByKeyOrByKeyAndValue() {
        save(ADMIN_WORKSPACE, "a", Map.of("team", "ml", "stage", "prod"), 1);
        save(ADMIN_WORKSPACE, "b", Map.of("team", "bio"), 2);
        save(ADMIN_WORKSPACE, "c", Map.of(), 3);

        assertThat(names(tagged("team", "ml"))).containsExactly("a");
        assertThat(names(tagged("team", null))).containsExactlyInAnyOrder("a", "b");
        assertThat(names(tagged("team", "ml").and(tagged("stage", "prod")))).containsExactly("a");
        assertThat(names(tagged("stage", "dev"))).isEmpty();
    }

    @Test
    void aSearchWithinWorkspacesPagesNewestFirst() {
        UUID shared = workspace();
        save(ADMIN_WORKSPACE, "mine-1", Map.of(), 1);
        save(ADMIN_WORKSPACE, "mine-2", Map.of(), 2);
        save(ADMIN_WORKSPACE, "mine-3", Map.of(), 3);
        save(shared, "theirs", Map.of(), 4);

        Page<StoredExperiment> first = experiments.findAll(inWorkspaces(List.of(ADMIN_WORKSPACE)),
                PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "createdAt")));
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(first.getContent()).extracting(StoredExperiment::getName).containsExactly("mine-3", "mine-2");
        assertThat(experiments.findAll(inWorkspaces(List.of(shared)).and(nameContains("mine")))).isEmpty();
        assertThat(experiments.findAll(inWorkspaces(List.of(shared, ADMIN_WORKSPACE)))).hasSize(4);
    }

    @Test
    void lookupsByIdAndByNameWithinAWorkspace() {
        UUID shared = workspace();
        StoredExperiment e = save(shared, "lookup", Map.of(), 1);

        assertThat(experiments.findWorkspaceId(e.getId())).contains(shared);
        assertThat(experiments.findWorkspaceId(UUID.randomUUID())).isEmpty();
        assertThat(experiments.findIdByNameAndWorkspace("lookup", shared)).contains(e.getId());
        assertThat(experiments.findIdByNameAndWorkspace("lookup", ADMIN_WORKSPACE)).isEmpty();
        assertThat(experiments.existsByName("lookup")).isTrue();
        assertThat(experiments.existsByName("Lookup")).isFalse();
        assertThat(experiments.lockById(e.getId())).map(StoredExperiment::getName).contains("lookup");
    }

    @Test
    void aNameIsTakenOnce() {
        save(ADMIN_WORKSPACE, "once", Map.of(), 1);

        assertThatThrownBy(() -> save(workspace(), "once", Map.of(), 2))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private List<String> names(Specification<StoredExperiment> spec) {
        return experiments.findAll(spec).stream().map(StoredExperiment::getName).toList();
    }

    private StoredExperiment save(UUID workspace, String name, Map<String, String> tags, int second) {
        return experiments.saveAndFlush(new StoredExperiment(workspace, name, "f", "{}", tags, T0.plusSeconds(second)));
    }

    private UUID workspace() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into workspace (id, name, created_at) values (?, ?, ?)", id, "w-" + id, Timestamp.from(T0));
        return id;
    }
}
