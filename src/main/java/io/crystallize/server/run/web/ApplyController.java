package io.crystallize.server.run.web;

import io.crystallize.server.run.internal.ApplyService;
import io.crystallize.server.run.internal.ApplyService.ApplyRequest;
import io.crystallize.server.run.internal.ApplyService.ApplyResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** {@code POST /api/experiments/{id}/apply}: one synchronous pass of the pipeline, stored nowhere (API.md). */
@RestController
class ApplyController {

    private final ApplyService apply;

    ApplyController(ApplyService apply) {
        this.apply = apply;
    }

    @PostMapping("/api/experiments/{id}/apply")
    ApplyResponse apply(@PathVariable UUID id, @RequestBody(required = false) ApplyRequest request) {
        return apply.apply(id, request);
    }
}
