/**
 * The dashboard: server-rendered pages for people (Thymeleaf), beside the JSON API. The pages read the same
 * services the API does, so they follow the same access rules; plots are drawn in the browser by ECharts,
 * served from its WebJar (no CDN, no Node build). Large runs are summarised on the server
 * ({@link io.crystallize.server.dashboard.MetricSummary}) so a page never carries every value of a big run.
 */
package io.crystallize.server.dashboard;
