/**
 * Idempotent submission: a client that sends an {@code Idempotency-Key} header with
 * {@code POST /api/experiments} or {@code POST /api/experiments/{id}/runs} may retry the request safely. The first
 * successful response (status, {@code Location}, body) is stored with the key in the database, in the same
 * transaction as what the request created, and replayed for every retry with the same method, path and body;
 * a retry with another body gets 422. Keys expire after {@code crystallize.idempotency.ttl} (24 h by default).
 * A servlet filter does it all, so controllers know nothing of it.
 */
package io.crystallize.server.idempotency;
