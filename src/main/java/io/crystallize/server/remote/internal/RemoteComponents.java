package io.crystallize.server.remote.internal;

import io.crystallize.server.catalog.Catalog;
import io.crystallize.server.catalog.RuntimeEntries;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.spi.Datasource;
import io.crystallize.server.engine.spi.Placement;
import io.crystallize.server.engine.spi.Step;
import io.crystallize.server.remote.RemoteComponentView;
import io.crystallize.server.remote.RemoteProperties;
import io.crystallize.server.remote.RemoteRegistrationRequest;
import io.crystallize.server.remote.RemoteRegistrationRequest.Param;
import io.crystallize.server.problem.ConflictException;
import io.crystallize.server.problem.FieldError;
import io.crystallize.server.problem.InvalidRequestException;
import io.crystallize.server.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Registers, lists and deletes remote components, and offers them to the {@link Catalog}. Registrations live in
 * the database, so every node sees the same ones; a rejected registration stores nothing.
 */
@Service
public class RemoteComponents implements RuntimeEntries {

    private static final TypeReference<List<Param>> PARAMS = new TypeReference<>() { };
    /** Where a component not bound to a run sits (e.g. listed in the catalog). */
    private static final Placement NOWHERE = new Placement(null, null, null, 0);

    private final RemoteRegistrationRepository registrations;
    private final Catalog catalog;
    private final RemoteUnits units;
    private final RemoteCaller caller;
    private final RemoteProperties props;
    private final JsonMapper json;
    private final Clock clock;

    RemoteComponents(RemoteRegistrationRepository registrations, Catalog catalog, RemoteUnits units,
                     RemoteCaller caller, RemoteProperties props, JsonMapper json, Clock clock) {
        this.registrations = registrations;
        this.catalog = catalog;
        this.units = units;
        this.caller = caller;
        this.props = props;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public RemoteComponentView register(RemoteRegistrationRequest r) {
        List<FieldError> errors = RegistrationRules.check(r, props);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (catalog.hasBean(r.type())) {
            throw new ConflictException("type '" + r.type() + "' is a built-in or extension component");
        }
        if (registrations.findByType(r.type()).isPresent()) {
            throw new ConflictException("a remote component '" + r.type() + "' is already registered; DELETE "
                    + "/api/catalog/remote/" + r.type() + " first");
        }
        List<Param> params = r.params().stream().map(p -> Param.of(RegistrationRules.spec(p))).toList();
        RemoteRegistration saved = registrations.saveAndFlush(new RemoteRegistration(r.kind(), r.type(), r.description(),
                r.url(), json.writeValueAsString(params), r.timeoutDuration().orElseThrow().toMillis(), r.maxConcurrency(), r.retries(),
                clock.instant()));
        return view(saved);
    }

    @Transactional
    public void delete(String type) {
        RemoteRegistration found = registrations.findByType(type)
                .orElseThrow(() -> new NotFoundException("remote component", type));
        registrations.delete(found);
        caller.forget(found.getId());
    }

    @Transactional(readOnly = true)
    public List<RemoteComponentView> list() {
        return registrations.findAllByOrderByType().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public RemoteComponentView get(String type) {
        return registrations.findByType(type).map(this::view)
                .orElseThrow(() -> new NotFoundException("remote component", type));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Step> steps() {
        return registrations.findByKindOrderByType(RemoteDefinition.STEP).stream()
                .map(r -> (Step) new RemoteStep(definition(r), units, NOWHERE)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Datasource> datasources() {
        return registrations.findByKindOrderByType(RemoteDefinition.DATASOURCE).stream()
                .map(r -> (Datasource) new RemoteDatasource(definition(r), units, NOWHERE)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Step> step(String type) {
        return registrations.findByType(type).filter(r -> r.getKind().equals(RemoteDefinition.STEP))
                .map(r -> new RemoteStep(definition(r), units, NOWHERE));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Datasource> datasource(String type) {
        return registrations.findByType(type).filter(r -> r.getKind().equals(RemoteDefinition.DATASOURCE))
                .map(r -> new RemoteDatasource(definition(r), units, NOWHERE));
    }

    private RemoteDefinition definition(RemoteRegistration r) {
        List<ParamSpec> params = json.readValue(r.getParamsJson(), PARAMS).stream().map(RegistrationRules::spec).toList();
        return new RemoteDefinition(r.getId(), r.getKind(), r.getType(), r.getDescription(), URI.create(r.getUrl()),
                params, Duration.ofMillis(r.getTimeoutMs()), r.getMaxConcurrency(), r.getRetries());
    }

    private RemoteComponentView view(RemoteRegistration r) {
        return new RemoteComponentView(r.getKind(), r.getType(), r.getDescription(), r.getUrl(),
                json.readValue(r.getParamsJson(), PARAMS), Duration.ofMillis(r.getTimeoutMs()), r.getMaxConcurrency(),
                r.getRetries(), true, r.getCreatedAt());
    }
}
