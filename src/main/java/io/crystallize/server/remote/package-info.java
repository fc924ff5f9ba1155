/**
 * Remote components (SPEC §7a, API.md "Remote components"): a step or datasource registered with a URL, listed
 * in the catalog like a built-in, and executed as one HTTP call per unit — bounded by the host allow-list, a
 * timeout, a per-component concurrency limit, a response size limit and retries of connection failures and
 * 5xx with the same {@code Idempotency-Key}. A failing remote fails only its unit ({@link RemoteCallException}).
 */
package io.crystallize.server.remote;
