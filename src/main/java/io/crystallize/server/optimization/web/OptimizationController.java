package io.crystallize.server.optimization.web;

import io.crystallize.server.optimization.OptimizationRequest;
import io.crystallize.server.optimization.internal.OptimizationService;
import io.crystallize.server.optimization.internal.OptimizationService.AskResponse;
import io.crystallize.server.optimization.internal.OptimizationService.TellRequest;
import io.crystallize.server.optimization.OptimizationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "optimizations")
class OptimizationController {

    private final OptimizationService optimizations;

    OptimizationController(OptimizationService optimizations) {
        this.optimizations = optimizations;
    }

    @PostMapping("/experiments/{id}/optimizations")
    @Operation(summary = "Start an optimization: its planned trials are evaluated in the background")
    ResponseEntity<OptimizationView> create(@PathVariable UUID id, @RequestBody(required = false) OptimizationRequest request) {
        OptimizationView view = optimizations.create(id, request);
        return ResponseEntity.accepted().location(URI.create("/api/optimizations/" + view.id())).body(view);
    }

    @GetMapping("/optimizations/{id}")
    @Operation(summary = "An optimization with its trials and the best one")
    OptimizationView get(@PathVariable UUID id) {
        return optimizations.get(id);
    }

    @PostMapping("/optimizations/{id}/cancel")
    @Operation(summary = "Stop an optimization: trials not started never start")
    ResponseEntity<OptimizationView> cancel(@PathVariable UUID id) {
        return ResponseEntity.accepted().body(optimizations.cancel(id));
    }

    @PostMapping("/optimizations/{id}/ask")
    @Operation(summary = "The next trial for an external evaluator")
    AskResponse ask(@PathVariable UUID id) {
        return optimizations.ask(id);
    }

    @PostMapping("/optimizations/{id}/tell")
    @Operation(summary = "Report an asked trial's objective value")
    OptimizationView tell(@PathVariable UUID id, @RequestBody(required = false) TellRequest request) {
        return optimizations.tell(id, request);
    }
}
