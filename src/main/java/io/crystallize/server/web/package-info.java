/**
 * Cross-cutting HTTP: the one advice that turns every error (see the {@code problem} module) into an RFC 9457
 * {@code application/problem+json}, the request-size limit, the OpenAPI description, and the page shape
 * ({@link io.crystallize.server.web.PageResponse}) that the modules' controllers return.
 */
package io.crystallize.server.web;
