/**
 * Live runs over server-sent events ({@code GET /api/runs/{id}/events}): a shared ticker reads each watched
 * run's state from the database (so a stream works whichever node executes the run) and fans it out to the
 * run's open streams; no stream holds a thread.
 */
package io.crystallize.server.events;
