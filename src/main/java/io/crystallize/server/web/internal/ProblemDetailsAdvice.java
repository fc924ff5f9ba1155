package io.crystallize.server.web.internal;

import io.crystallize.server.problem.ProblemType;

import io.crystallize.server.problem.ApiException;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;

/**
 * Turns every error into an RFC 9457 {@code application/problem+json}, with an {@code errors} list for 400s (and for
 * 409s that a field causes).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setTitle(e.title());
        if (e instanceof InvalidRequestException invalid) {
            body.setProperty("errors", invalid.errors());
        } else if (e instanceof ConflictException conflict && !conflict.errors().isEmpty()) {
            body.setProperty("errors", conflict.errors());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(e.headers());
        return handleExceptionInternal(e, body, headers, e.status(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return api(InvalidRequestException.of(e.getName(), "must be a valid " + (e.getRequiredType() == null
                ? "value" : e.getRequiredType().getSimpleName()) + ", got '" + e.getValue() + "'"), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, WebRequest request) {
        log.info("request conflicts with stored data: {}", e.getMostSpecificCause().getMessage());
        return api(new ConflictException("the request conflicts with stored data"), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return api(new InvalidRequestException(errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.BodyRejected rejected) {
                ProblemDetail body = ProblemDetail.forStatusAndDetail(rejected.status, rejected.getMessage());
                return handleExceptionInternal(e, body, new HttpHeaders(), rejected.status, request);
            }
            if (t instanceof java.util.concurrent.TimeoutException) {
                // The HTTP server gave up on a body that stopped arriving (server.jetty.connection-idle-timeout).
                ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT, "the request body "
                        + "stopped arriving for longer than server.jetty.connection-idle-timeout");
                return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.REQUEST_TIMEOUT, request);
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return api(InvalidRequestException.of(path(unknown), "unknown field"), request);
        }
        if (cause instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
            return api(InvalidRequestException.of(path(mapping), JsonErrors.wrongType(mapping)), request);
        }
        if (cause instanceof tools.jackson.core.exc.StreamReadException read) {
            return api(InvalidRequestException.of(JsonErrors.field(read), JsonErrors.reason(read)), request);
        }
        return api(InvalidRequestException.of("body", "is not readable JSON: " + firstLine(cause.getMessage())), request);
    }

    /** The JSON path of a binding failure, e.g. {@code steps[0].params}. */
    static String path(DatabindException e) {
        StringBuilder out = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Every problem, ours or Spring's, gets the {@code type} of its status: a page that explains it. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            ProblemType.of(status.value()).ifPresent(t -> problem.setType(t.uri()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // handled by the base class
        }
        log.error("unexpected error", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }
}
