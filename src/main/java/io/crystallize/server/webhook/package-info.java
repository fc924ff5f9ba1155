/**
 * Webhooks: registrations, run lifecycle deliveries signed per the Standard Webhooks specification, durable
 * retries through db-scheduler and a log of every attempt (API.md "Events and webhooks", docs/events.md).
 */
package io.crystallize.server.webhook;
