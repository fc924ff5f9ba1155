/**
 * The application's errors, shared by every module: a small hierarchy of {@link io.crystallize.server.problem.ApiException}
 * (not found, conflict, invalid request with its {@link io.crystallize.server.problem.FieldError field errors}, gone)
 * that services throw without knowing HTTP; the {@code web} module turns them into RFC 9457 problems.
 */
package io.crystallize.server.problem;
