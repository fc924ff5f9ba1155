package io.crystallize.server.catalog.web;

import io.crystallize.server.catalog.Catalog;
import io.crystallize.server.catalog.Remote;
import io.crystallize.server.engine.ParamSpec;
import io.crystallize.server.engine.spi.Described;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code GET /api/catalog}: every registered datasource, step, verifier and plugin with its parameters. */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    CatalogResponse catalog() {
        return new CatalogResponse(entries(catalog.datasources()), entries(catalog.steps()),
                entries(catalog.verifiers()), entries(catalog.plugins()));
    }

    private static List<Entry> entries(List<? extends Described> described) {
        return described.stream().map(d -> new Entry(d.type(), d.description(),
                d.params().stream().map(Param::of).toList(), d instanceof Remote)).toList();
    }

    record CatalogResponse(List<Entry> datasources, List<Entry> steps, List<Entry> verifiers, List<Entry> plugins) {
    }

    /** {@code remote}: the entry is an HTTP call to a registered remote component (API.md "Remote components"). */
    record Entry(String type, String description, List<Param> params, boolean remote) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Param(String name, String type, boolean required,
                 @JsonProperty("default") @JsonInclude(JsonInclude.Include.ALWAYS) Object defaultValue,
                 String description, Double minimum, List<String> allowed) {

        static Param of(ParamSpec p) {
            return new Param(p.name(), p.type(), p.required(), p.defaultValue(), p.description(), p.minimum(), p.allowed());
        }
    }
}
