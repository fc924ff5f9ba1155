package io.crystallize.server.optimization.web;

import io.crystallize.server.optimization.OptimizationRequest;
import io.crystallize.server.optimization.internal.OptimizationService;
import io.crystallize.server.optimization.internal.OptimizationService.AskResponse;
import io.crystallize.server.optimization.internal.OptimizationService.TellRequest;
import io.crystallize.server.optimization.OptimizationView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Optimizations of an experiment (API.md, "The rest of the model"). */
@RestController
@RequestMapping("/api")
class OptimizationController {

    private final OptimizationService optimizations;

    OptimizationController(OptimizationService optimizations) {
        this.optimizations = optimizations;
    }

    @PostMapping("/experiments/{id}/optimizations")
    ResponseEntity<OptimizationView> create(@PathVariable UUID id, @RequestBody(required = false) OptimizationRequest request) {
        OptimizationView view = optimizations.create(id, request);
        return ResponseEntity.accepted().location(URI.create("/api/optimizations/" + view.id())).body(view);
    }

    @GetMapping("/optimizations/{id}")
    OptimizationView get(@PathVariable UUID id) {
        return optimizations.get(id);
    }

    @PostMapping("/optimizations/{id}/cancel")
    ResponseEntity<OptimizationView> cancel(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(optimizations.cancel(id));
    }

    @PostMapping("/optimizations/{id}/ask")
    AskResponse ask(@PathVariable UUID id) {
        return optimizations.ask(id);
    }

    @PostMapping("/optimizations/{id}/tell")
    OptimizationView tell(@PathVariable UUID id, @RequestBody(required = false) TellRequest request) {
        return optimizations.tell(id, request);
    }
}
