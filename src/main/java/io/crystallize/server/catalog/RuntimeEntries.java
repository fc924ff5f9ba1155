package io.crystallize.server.catalog;

import io.crystallize.server.engine.spi.Datasource;
import io.crystallize.server.engine.spi.Step;

import java.util.List;
import java.util.Optional;

/**
 * Steps and datasources registered while the service runs (e.g. remote components), consulted by the
 * {@link Catalog} after the beans. A bean of this type may answer from shared storage, so every node sees the
 * same entries; entries whose type a bean already uses are never consulted.
 */
public interface RuntimeEntries {

    List<Step> steps();

    List<Datasource> datasources();

    Optional<Step> step(String type);

    Optional<Datasource> datasource(String type);
}
