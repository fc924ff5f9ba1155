package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.Datasource;

import java.util.Map;

/** The datasource of an experiment with its explicit params. */
public record DatasourceInvocation(Datasource datasource, Map<String, Object> explicitParams) {

    public DatasourceInvocation {
        explicitParams = explicitParams == null ? Map.of() : explicitParams;
    }
}
