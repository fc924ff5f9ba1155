package io.crystallize.server.experiment.web;

import io.crystallize.server.experiment.ExperimentDefinition;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.web.PageResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Experiments: create, read, list (API.md). */
@RestController
@RequestMapping("/api/experiments")
class ExperimentController {

    private final ExperimentService experiments;

    ExperimentController(ExperimentService experiments) {
        this.experiments = experiments;
    }

    /** JSON only: a YAML or form body is a 415 (one documented body format). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExperimentResponse> create(@Valid @RequestBody ExperimentDefinition definition) {
        ExperimentView created = experiments.create(definition);
        return ResponseEntity.created(URI.create("/api/experiments/" + created.id())).body(ExperimentResponse.of(created));
    }

    @GetMapping("/{id}")
    ExperimentResponse get(@PathVariable UUID id) {
        return ExperimentResponse.of(experiments.get(id));
    }

    @GetMapping
    PageResponse<ExperimentResponse> list(@RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "20") int size,
                                          @RequestParam(required = false) String name,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(required = false) List<String> tag) {
        return PageResponse.of(experiments.list(name, q, tag,
                PageResponse.request(page, size, Sort.by(Sort.Direction.DESC, "createdAt"))), ExperimentResponse::of);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        experiments.delete(id);
        return ResponseEntity.noContent().build();
    }
}
