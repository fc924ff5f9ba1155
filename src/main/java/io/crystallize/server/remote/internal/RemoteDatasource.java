package io.crystallize.server.remote.internal;

import io.crystallize.server.catalog.Remote;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Datasource;
import io.crystallize.server.engine.spi.Placeable;
import io.crystallize.server.engine.spi.Placement;

import java.util.List;

/** A registered remote datasource: each unit's fetch is one call ({@code data} is null in the request). */
final class RemoteDatasource implements Datasource, Placeable<Datasource>, Remote {

    private final RemoteDefinition definition;
    private final RemoteUnits units;
    private final Placement placement;

    RemoteDatasource(RemoteDefinition definition, RemoteUnits units, Placement placement) {
        this.definition = definition;
        this.units = units;
        this.placement = placement;
    }

    @Override
    public String type() {
        return definition.type();
    }

    @Override
    public String description() {
        return definition.description();
    }

    @Override
    public List<ParamSpec> params() {
        return definition.params();
    }

    @Override
    public Object fetch(FrozenContext ctx, Params params) throws InterruptedException {
        return units.run(definition, placement, null, ctx, params);
    }

    @Override
    public Datasource placedAt(Placement at) {
        return new RemoteDatasource(definition, units, at);
    }
}
