package io.crystallize.server.engine.spi;

/**
 * A step or datasource that must know where it runs, e.g. a remote call that names its run and step in the
 * request. The service binds it once per run, before the run starts, and uses the bound instance for every
 * unit of that run. The bound instance must be of the same kind and type as this one.
 *
 * @param <T> the kind of component: {@link Step} or {@link Datasource}
 */
public interface Placeable<T extends Described> {

    /** This component, bound to one run's pipeline position. */
    T placedAt(Placement placement);
}
