package io.crystallize.server.run.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface RunHypothesisRepository extends JpaRepository<RunHypothesis, Long> {

    List<RunHypothesis> findByRunIdOrderByPositionAsc(UUID runId);

    void deleteByRunId(UUID runId);
}
