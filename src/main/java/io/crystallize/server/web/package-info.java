/** Cross-cutting HTTP: the application's exceptions and the one advice that turns them into RFC 9457 problems. */
package io.crystallize.server.web;
