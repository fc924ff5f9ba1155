package io.crystallize.server.catalog;

/** A catalog entry that calls a service elsewhere; {@code GET /api/catalog} lists it with {@code "remote": true}. */
public interface Remote {
}
