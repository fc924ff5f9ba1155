package io.crystallize.server.remote;

import io.crystallize.server.remote.RemoteRegistrationRequest.Param;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A registered remote component as {@code POST}/{@code GET /api/catalog/remote} answer it. */
public record RemoteComponentView(String kind, String type, String description, String url, List<Param> params,
                                  Duration timeout, int maxConcurrency, int retries, boolean remote, Instant createdAt) {
}
