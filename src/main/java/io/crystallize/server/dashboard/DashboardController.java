package io.crystallize.server.dashboard;

import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.artifact.ArtifactQueries;
import io.crystallize.server.artifact.ArtifactView;
import io.crystallize.server.experiment.ExperimentService;
import io.crystallize.server.experiment.ExperimentView;
import io.crystallize.server.run.ResultsView;
import io.crystallize.server.run.RunQueries;
import io.crystallize.server.run.RunStatus;
import io.crystallize.server.run.RunView;
import io.crystallize.server.problem.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The dashboard's pages: experiments, an experiment's runs, and a run (API.md, "Dashboard"). */
@Controller
class DashboardController {

    private static final Set<RunStatus> FINISHED = Set.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExperimentService experiments;
    private final RunQueries runs;
    private final ArtifactQueries artifacts;
    private final WorkspaceAccess access;
    private final DashboardProperties properties;

    DashboardController(ExperimentService experiments, RunQueries runs, ArtifactQueries artifacts,
                        WorkspaceAccess access, DashboardProperties properties) {
        this.access = access;
        this.experiments = experiments;
        this.runs = runs;
        this.artifacts = artifacts;
        this.properties = properties;
    }

    /** Whether the page shows "Sign out": every page but the sign-in page is for a signed-in browser. */
    @ModelAttribute("signedIn")
    boolean signedIn(java.security.Principal principal) {
        return principal != null;
    }

    @GetMapping("/")
    String experiments(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        String name = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("q", name == null ? "" : name);
        model.addAttribute("experiments", experiments.list(null, name, List.of(), pageOf(page, "createdAt")));
        return "dashboard/experiments";
    }

    @GetMapping("/experiments/{id}")
    String experiment(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        ExperimentView experiment = readable(id, "experiment", id);
        model.addAttribute("experiment", experiment);
        model.addAttribute("definitionJson", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(experiment.definition()));
        model.addAttribute("runs", runs.list(id, null, pageOf(page, "createdAt")));
        return "dashboard/experiment";
    }

    @GetMapping("/runs/{runId}")
    String run(@PathVariable("runId") UUID id, Model model) {
        RunView run = runs.get(id);
        ExperimentView experiment = readable(run.experimentId(), "run", id);
        ResultsView results = FINISHED.contains(run.status()) ? runs.results(id) : null;
        List<String> log = runs.logs(id);
        List<ArtifactView> all = artifacts.list(id);
        RunPage page = new RunPage(run, experiment.name(), results,
                RunPage.plots(run, results, properties.maxPointsPerCondition()),
                results == null ? List.of() : HypothesisRow.of(results.hypotheses()),
                log.subList(Math.max(0, log.size() - properties.logTailLines()), log.size()), log.size(),
                all.subList(0, Math.min(all.size(), properties.maxArtifacts())), all.size());
        model.addAttribute("page", page);
        model.addAttribute("maxPoints", properties.maxPointsPerCondition());
        model.addAttribute("dataJson", scriptJson(new PageData(run, page.plots(), page.hypotheses())));
        return "dashboard/run";
    }

    @GetMapping("/login")
    String login() {
        return "dashboard/login";
    }

    /** The experiment, when the signed-in user may read its workspace; else "not found" naming what was asked for. */
    private ExperimentView readable(UUID experimentId, String resource, UUID asked) {
        ExperimentView experiment = experiments.get(experimentId);
        try {
            access.requireRead(experiment.workspaceId());
        } catch (NotFoundException hidden) {
            throw new NotFoundException(resource, asked);
        }
        return experiment;
    }

    private PageRequest pageOf(int page, String sortKey) {
        return PageRequest.of(Math.max(0, Math.min(page, 100_000)), properties.pageSize(),
                Sort.by(Sort.Direction.DESC, sortKey));
    }

    /** What the page's script needs, as JSON that is safe inside a script element. */
    record PageData(RunView run, Object plots, List<HypothesisRow> hypotheses) {
    }

    static String scriptJson(Object value) {
        // '<' escaped so that no value can close the script element; JSON.parse reads \u003c back as '<'.
        return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** Unknown (or not visible) experiments and runs answer a 404 page, not a problem document. */
    @ControllerAdvice(assignableTypes = DashboardController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Pages {

        @ExceptionHandler(NotFoundException.class)
        @ResponseStatus(HttpStatus.NOT_FOUND)
        String notFound(NotFoundException e, Model model) {
            model.addAttribute("message", e.getMessage());
            return "dashboard/not-found";
        }
    }
}
