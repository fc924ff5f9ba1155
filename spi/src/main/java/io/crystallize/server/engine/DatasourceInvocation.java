package io.crystallize.server.engine;

import io.crystallize.server.engine.spi.Datasource;

import java.util.List;
import java.util.Map;

/** The datasource of an experiment with its explicit params and its declared params (read once, not per unit). */
public record DatasourceInvocation(Datasource datasource, Map<String, Object> explicitParams, List<ParamSpec> specs) {

    public DatasourceInvocation {
        explicitParams = explicitParams == null ? Map.of() : explicitParams;
        specs = specs == null ? List.of() : List.copyOf(specs);
    }

    public DatasourceInvocation(Datasource datasource, Map<String, Object> explicitParams) {
        this(datasource, explicitParams, datasource.params());
    }
}
