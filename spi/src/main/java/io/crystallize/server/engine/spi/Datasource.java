package io.crystallize.server.engine.spi;

import io.crystallize.server.engine.FrozenContext;
import io.crystallize.server.engine.Params;

/** A registered producer of a unit's initial data ({@code ctx -> data}). Stateless and thread-safe. */
public interface Datasource extends Described {

    Object fetch(FrozenContext ctx, Params params) throws Exception;
}
