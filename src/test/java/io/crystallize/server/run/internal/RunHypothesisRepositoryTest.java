package io.crystallize.server.run.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run's stored hypotheses on the suite's database: in position order, deleted per run, one per position. */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class RunHypothesisRepositoryTest {

    @Autowired
    RunHypothesisRepository hypotheses;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hypothesesComeInPositionOrder() {
        UUID run = RunRows.insert(jdbc, "COMPLETED", "[\"baseline\",\"t\"]");
        hypotheses.saveAndFlush(new RunHypothesis(run, 2, "third", "{\"n\":3}"));
        hypotheses.saveAndFlush(new RunHypothesis(run, 0, "first", "{\"n\":1}"));
        hypotheses.saveAndFlush(new RunHypothesis(run, 1, "second", "{\"n\":2}"));

        assertThat(hypotheses.findByRunIdOrderByPositionAsc(run)).extracting(RunHypothesis::getName)
                .containsExactly("first", "second", "third");
        assertThat(hypotheses.findByRunIdOrderByPositionAsc(run).get(0).getResultJson()).isEqualTo("{\"n\":1}");
        assertThat(hypotheses.findByRunIdOrderByPositionAsc(UUID.randomUUID())).isEmpty();
    }

    @Test
    void deletingARunsHypothesesLeavesOtherRunsAlone() {
        UUID run = RunRows.insert(jdbc, "COMPLETED", "[\"baseline\",\"t\"]");
        UUID other = RunRows.insert(jdbc, "COMPLETED", "[\"baseline\",\"t\"]");
        hypotheses.saveAndFlush(new RunHypothesis(run, 0, "h", "{}"));
        hypotheses.saveAndFlush(new RunHypothesis(run, 1, "g", "{}"));
        hypotheses.saveAndFlush(new RunHypothesis(other, 0, "h", "{}"));

        hypotheses.deleteByRunId(run);
        hypotheses.flush();

        assertThat(hypotheses.findByRunIdOrderByPositionAsc(run)).isEmpty();
        assertThat(hypotheses.findByRunIdOrderByPositionAsc(other)).extracting(RunHypothesis::getName)
                .containsExactly("h");
    }

    @Test
    void aPositionHoldsOneHypothesisPerRun() {
        UUID run = RunRows.insert(jdbc, "COMPLETED", "[\"baseline\",\"t\"]");
        hypotheses.saveAndFlush(new RunHypothesis(run, 0, "h", "{}"));

        assertThatThrownBy(() -> hypotheses.saveAndFlush(new RunHypothesis(run, 0, "g", "{}")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
