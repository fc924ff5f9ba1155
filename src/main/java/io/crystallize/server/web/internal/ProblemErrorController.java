package io.crystallize.server.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the servlet container ({@code /error}) as problem+json, replacing Boot's JSON error page:
 * errors raised outside Spring MVC's handlers (a method the servlet does not allow, such as TRACE; a filter's
 * {@code sendError}) then answer like every other error. Called directly it is a 404: there is no such resource.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : HttpStatus.NOT_FOUND.value();
        String detail = code == null ? "no resource at /error" : switch (status) {
            case 405 -> "the method " + request.getMethod() + " is not allowed here";
            case 404 -> "no resource at " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            default -> HttpStatus.resolve(status) == null ? "error" : HttpStatus.resolve(status).getReasonPhrase();
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ContainerProblems.json(status, detail));
    }
}
