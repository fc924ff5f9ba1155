package io.crystallize.server.remote.internal;

import io.crystallize.server.catalog.Remote;
import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.Params;
import io.crystallize.server.engine.spi.Placeable;
import io.crystallize.server.engine.spi.Placement;
import io.crystallize.server.engine.spi.Step;

import java.util.List;

/** A registered remote step: each unit is one call, between the service's own beforeStep and afterStep hooks. */
final class RemoteStep implements Step, Placeable<Step>, Remote {

    private final RemoteDefinition definition;
    private final RemoteUnits units;
    private final Placement placement;

    RemoteStep(RemoteDefinition definition, RemoteUnits units, Placement placement) {
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
    public Object apply(Object data, FrozenContext ctx, Params params) throws InterruptedException {
        return units.run(definition, placement, data, ctx, params);
    }

    @Override
    public Step placedAt(Placement at) {
        return new RemoteStep(definition, units, at);
    }
}
