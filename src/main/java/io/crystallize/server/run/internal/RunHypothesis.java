package io.crystallize.server.run.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A verified hypothesis of a run, stored as the JSON of its outcome. */
@Entity
@Table(name = "run_hypothesis")
public class RunHypothesis {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "run_id", nullable = false)
    private UUID runId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(name = "result_json", nullable = false, columnDefinition = "text")
    private String resultJson;

    protected RunHypothesis() {
    }

    RunHypothesis(UUID runId, int position, String name, String resultJson) {
        this.runId = runId;
        this.position = position;
        this.name = name;
        this.resultJson = resultJson;
    }

    public int getPosition() { return position; }
    public String getName() { return name; }
    public String getResultJson() { return resultJson; }
}
