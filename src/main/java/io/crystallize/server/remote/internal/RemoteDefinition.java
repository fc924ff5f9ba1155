package io.crystallize.server.remote.internal;

import io.crystallize.server.engine.ParamSpec;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A registration as calls use it. {@code id} changes when a type is registered again, so the concurrency
 * limit of an old registration is never shared with a new one.
 */
record RemoteDefinition(UUID id, String kind, String type, String description, URI url, List<ParamSpec> params,
                        Duration timeout, int maxConcurrency, int retries) {

    static final String STEP = "step";
    static final String DATASOURCE = "datasource";

    /** "Remote step 'py.noise' (http://…)", the start of every error message about it. */
    String label() {
        return "Remote " + kind + " '" + type + "' (" + url + ")";
    }
}
