#!/usr/bin/env python3
"""Writes src/test/resources/fixtures/hostile/corpus.json: hostile requests and the answer each must get.

Each case: name, method, path ({experiment} = an existing experiment's id), headers, body (raw text, so duplicate
keys and broken JSON can be expressed; {target} = that experiment's name, {root} = the artifact root, {rootName}
its last segment), status, and field (an errors[].field the problem must name, or null).
Run from the repository root: python3 scripts/hostile/make_corpus.py
"""
import copy
import json

BIG64 = "9223372036854775808"          # 2^63: one past a long
U64 = "18446744073709551626"           # 2^64 + 10
NEG65 = "-9223372036854775809"
cases = []


def base():
    return {
        "name": "hostile-case",
        "datasource": {"type": "random.normal", "params": {"n": 10}},
        "steps": [{"type": "math.add"}, {"type": "stats.summary"}],
        "treatments": [{"name": "boost", "context": {"delta": 1.0}}],
        "hypotheses": [{"name": "h", "verifier": {"type": "welch_t_test"}, "metrics": "mean"}],
        "replicates": 3,
        "plugins": [{"type": "seed", "params": {"seed": 42}}],
    }


def raw(value):
    """A marker for a JSON literal written as is (numbers beyond 64 bits, 1e400)."""
    return {"__raw__": value}


def dump(value):
    if isinstance(value, dict) and set(value) == {"__raw__"}:
        return value["__raw__"]
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k) + ":" + dump(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dump(v) for v in value) + "]"
    return json.dumps(value)


def add(name, body, status=400, field=None, method="POST", path="/api/experiments", headers=None):
    cases.append({"name": name, "method": method, "path": path, "headers": headers or {},
                  "body": body, "status": status, "field": field})


def definition(name, change, field, status=400):
    d = base()
    change(d)
    add(name, dump(d), status, field)


def setter(*path_and_value):
    *path, value = path_and_value

    def change(d):
        target = d
        for p in path[:-1]:
            target = target[p]
        target[path[-1]] = value
    return change


BAD_INTEGERS = [("negative", -1), ("fraction", 2.5), ("fraction-zero", 2.0), ("exponent", raw("1e3")),
                ("string", "10"), ("bool", True), ("array", []), ("object", {}), ("beyond-64-bits", raw(U64)),
                ("2^63", raw(BIG64)), ("below-64-bits", raw(NEG65)), ("1e400", raw("1e400")), ("null", None)]
BAD_NUMBERS = [("string", "ten"), ("bool", False), ("array", [1]), ("object", {"a": 1}), ("1e400", raw("1e400")),
               ("-1e400", raw("-1e400"))]

# Datasources: counts and ranges.
for ds in ["random.normal", "random.uniform"]:
    for label, v in BAD_INTEGERS + [("over-cap", 1000001), ("ten-million", 10000000), ("max-long", raw("9223372036854775807"))]:
        definition(f"{ds} n {label}", lambda d, ds=ds, v=v: d.__setitem__("datasource", {"type": ds, "params": {"n": v}}),
                   "datasource.params.n")
    definition(f"{ds} n missing", lambda d, ds=ds: d.__setitem__("datasource", {"type": ds}), "datasource.params.n")
for label, (low, high) in {"low>high": (2, 1), "low=high": (1, 1), "low 1e400": (raw("1e400"), 2),
                           "high -1e400": (0, raw("-1e400"))}.items():
    field = "datasource.params.low" if label == "low 1e400" else "datasource.params.high"
    definition(f"random.uniform {label}", lambda d, low=low, high=high: d.__setitem__("datasource", {
        "type": "random.uniform", "params": {"n": 5, "low": low, "high": high}}), field)
for label, v in BAD_NUMBERS:
    for p in ["mean", "sd"]:
        definition(f"random.normal {p} {label}", lambda d, p=p, v=v: d.__setitem__("datasource", {
            "type": "random.normal", "params": {"n": 5, p: v}}), "datasource.params." + p)
definition("random.normal sd negative", lambda d: d.__setitem__("datasource", {"type": "random.normal",
           "params": {"n": 5, "sd": -1}}), "datasource.params.sd")
for label, params, field in [
        ("whole long range", {"start": raw("-9223372036854775808"), "end": raw("9223372036854775807")}, "datasource.params.end"),
        ("span over cap", {"start": 0, "end": 1000001}, "datasource.params.end"),
        ("span 10^12", {"start": -1000000000000, "end": 1000000000000}, "datasource.params.end"),
        ("end beyond 64 bits", {"end": raw(U64)}, "datasource.params.end"),
        ("start beyond 64 bits", {"start": raw(NEG65), "end": 3}, "datasource.params.start"),
        ("end string", {"end": "3"}, "datasource.params.end"),
        ("end fraction", {"end": 3.5}, "datasource.params.end"),
        ("end missing", {}, "datasource.params.end"),
        ("unknown param", {"end": 3, "step": 2}, "datasource.params.step")]:
    definition(f"range {label}", lambda d, params=params: d.__setitem__("datasource", {"type": "range", "params": params}), field)
definition("datasource unknown type", setter("datasource", {"type": "nope"}), "datasource.type")
definition("datasource type number", setter("datasource", {"type": 7}), "datasource.type")
definition("datasource missing", lambda d: d.pop("datasource"), "datasource")
definition("datasource params array", setter("datasource", {"type": "range", "params": [1]}), "datasource.params")
definition("inline data 1e400", setter("datasource", {"type": "inline", "params": {"data": [1, raw("1e400")]}}),
           "datasource.params.data[1]")
definition("inline data beyond 64 bits", setter("datasource", {"type": "inline", "params": {"data": {"x": raw(U64)}}}),
           "datasource.params.data.x")

# Steps.
STEP_NUMBER_PARAMS = [("math.add", "delta"), ("math.scale", "factor"), ("noise.gaussian", "sd")]
for step, p in STEP_NUMBER_PARAMS:
    for label, v in BAD_NUMBERS:
        definition(f"{step} {p} {label}", lambda d, step=step, p=p, v=v: d["steps"].__setitem__(0, {
            "type": step, "params": {p: v}}), f"steps[0].params.{p}")
definition("noise.gaussian sd negative", lambda d: d["steps"].__setitem__(0, {"type": "noise.gaussian",
           "params": {"sd": -0.5}}), "steps[0].params.sd")
for label, name in [("slash", "a/b"), ("dotdot", ".."), ("dot", "."), ("traversal", "../../etc/passwd"),
                    ("backslash", "a\\b"), ("nul", "x\u0000y"), ("newline", "x\ny"), ("300 chars", "a" * 300),
                    ("empty", ""), ("absolute", "/tmp/x.json")]:
    definition(f"artifact.json name {label}", lambda d, name=name: d["steps"].insert(1, {
        "type": "artifact.json", "params": {"name": name}}), "steps[1].params.name")
for label, v in [("number", 123), ("bool", True), ("array", ["a"]), ("null", None)]:
    definition(f"artifact.json name {label}", lambda d, v=v: d["steps"].insert(1, {
        "type": "artifact.json", "params": {"name": v}}), "steps[1].params.name")
for label, v in BAD_INTEGERS + [("over unit timeout", 600001), ("9e18", raw("9000000000000000000"))]:
    if label == "null":
        continue
    definition(f"sleep ms {label}", lambda d, v=v: d["steps"].insert(1, {"type": "sleep", "params": {"ms": v}}),
               "steps[1].params.ms")
for label, v in [("number", 5), ("array", ["mean"]), ("1e400", raw("1e400"))]:
    definition(f"stats.summary prefix {label}", lambda d, v=v: d["steps"].__setitem__(1, {
        "type": "stats.summary", "params": {"prefix": v}}), "steps[1].params.prefix")
definition("metric.context key missing", lambda d: d["steps"].insert(1, {"type": "metric.context"}),
           "steps[1].params.key")
definition("metric.context key number", lambda d: d["steps"].insert(1, {"type": "metric.context",
           "params": {"key": 5}}), "steps[1].params.key")
definition("fail conditions string", lambda d: d["steps"].insert(1, {"type": "fail", "params": {"conditions": "boost"}}),
           "steps[1].params.conditions")
definition("fail replicates object", lambda d: d["steps"].insert(1, {"type": "fail", "params": {"replicates": {}}}),
           "steps[1].params.replicates")
definition("step unknown type", lambda d: d["steps"].__setitem__(1, {"type": "math.nope"}), "steps[1].type")
definition("step type missing", lambda d: d["steps"].__setitem__(1, {"params": {}}), "steps[1].type")
definition("step type number", lambda d: d["steps"].__setitem__(1, {"type": 12}), "steps[1].type")
definition("step unknown param", lambda d: d["steps"].__setitem__(0, {"type": "math.add", "params": {"delta": 1, "x": 2}}),
           "steps[0].params.x")
definition("step params array", lambda d: d["steps"].__setitem__(0, {"type": "math.add", "params": []}), "steps[0].params")
definition("step unknown field", lambda d: d["steps"].__setitem__(0, {"type": "math.add", "memoize": True}), "steps[0].memoize")
definition("steps empty", setter("steps", []), "steps")
definition("steps object", setter("steps", {"type": "math.add"}), "steps")
definition("steps string", setter("steps", "math.add"), "steps")
definition("steps null entry", setter("steps", [None]), "steps[0]")
definition("steps over limit", setter("steps", [{"type": "math.add"}] * 101), "steps")

# Treatments and contexts.
for label, name in [("dotdot", ".."), ("traversal", "../x"), ("slash", "a/b"), ("empty", ""), ("nul", "b\u0000"),
                    ("101 chars", "t" * 101), ("space", "a b"), ("leading dot", ".hidden")]:
    definition(f"treatment name {label}", lambda d, name=name: d["treatments"].__setitem__(0, {
        "name": name, "context": {"delta": 1.0}}), "treatments[0].name")
for label, v in [("number", 5), ("bool", True), ("array", ["boost"])]:
    definition(f"treatment name {label}", lambda d, v=v: d["treatments"].__setitem__(0, {"name": v}), "treatments[0].name")
definition("treatment duplicate", lambda d: d["treatments"].append({"name": "boost", "context": {}}), "treatments[1].name")
for key in ["replicate", "condition", "seed_used"]:
    definition(f"treatment reserved key {key}", lambda d, key=key: d["treatments"][0]["context"].__setitem__(key, 1),
               f"treatments[0].context.{key}")
    definition(f"initialContext reserved key {key}", setter("initialContext", {key: 1}), f"initialContext.{key}")
for label, v in BAD_NUMBERS:
    definition(f"treatment context delta {label}", lambda d, v=v: d["treatments"][0].__setitem__("context", {"delta": v}),
               "treatments[0].context.delta")
definition("treatment context n over cap", lambda d: (d["datasource"]["params"].pop("n"),
           d.__setitem__("initialContext", {"n": 5}), d["treatments"][0].__setitem__("context", {"n": 2000000})),
           "treatments[0].context.n")
definition("treatment context ms over unit timeout", lambda d: (d["steps"].insert(1, {"type": "sleep"}),
           d["treatments"][0].__setitem__("context", {"ms": raw("9000000000000000000")})), "treatments[0].context.ms")
definition("treatment context beyond 64 bits", lambda d: d["treatments"][0].__setitem__("context", {"x": raw(U64)}),
           "treatments[0].context.x")
definition("initialContext clashes with treatment", lambda d: d.__setitem__("initialContext", {"delta": 0.0}),
           "treatments[0].context.delta")
definition("initialContext 1e400", setter("initialContext", {"x": raw("1e400")}), "initialContext.x")
definition("initialContext nested 1e400", setter("initialContext", {"x": {"y": [raw("-1e400")]}}), "initialContext.x.y[0]")
deep = {}
cursor = deep
for _ in range(70):
    cursor["d"] = {}
    cursor = cursor["d"]
definition("initialContext nested 70 deep", setter("initialContext", {"x": deep}), None)
definition("initialContext array", setter("initialContext", [1, 2]), "initialContext")
definition("treatments object", setter("treatments", {"name": "boost"}), "treatments")
definition("treatments over limit", setter("treatments", [{"name": f"t{i}", "context": {}} for i in range(101)]), "treatments")

# Hypotheses and verifiers.
for verifier in ["welch_t_test", "t_test", "mann_whitney_u", "paired_t_test"]:
    for label, v in [("0", 0), ("1", 1), ("negative", -0.1), ("1.5", 1.5), ("1e400", raw("1e400")), ("string", "0.05")]:
        definition(f"{verifier} alpha {label}", lambda d, verifier=verifier, v=v: d["hypotheses"][0].__setitem__(
            "verifier", {"type": verifier, "params": {"alpha": v}}), "hypotheses[0].verifier.params.alpha")
    definition(f"{verifier} alternative sideways", lambda d, verifier=verifier: d["hypotheses"][0].__setitem__(
        "verifier", {"type": verifier, "params": {"alternative": "sideways"}}), "hypotheses[0].verifier.params.alternative")
for verifier in ["permutation_test", "bootstrap_mean_diff"]:
    for label, v in [("0", 0), ("negative", -5), ("1e12", raw("1000000000000")), ("beyond 64 bits", raw(U64)),
                     ("fraction", 10.5), ("string", "100")]:
        definition(f"{verifier} iterations {label}", lambda d, verifier=verifier, v=v: d["hypotheses"][0].__setitem__(
            "verifier", {"type": verifier, "params": {"iterations": v}}), "hypotheses[0].verifier.params.iterations")
for label, metrics in [("number", 5), ("empty list", []), ("two per group", ["mean", "sd"]), ("object", {"m": 1}),
                       ("null", None)]:
    definition(f"hypothesis metrics {label}", lambda d, metrics=metrics: d["hypotheses"][0].__setitem__("metrics", metrics),
               "hypotheses[0].metrics")
definition("hypothesis verifier unknown", lambda d: d["hypotheses"][0].__setitem__("verifier", {"type": "nope"}),
           "hypotheses[0].verifier.type")
definition("hypothesis verifier missing", lambda d: d["hypotheses"][0].pop("verifier"), "hypotheses[0].verifier")
definition("hypothesis ranker bad", lambda d: d["hypotheses"][0].__setitem__("ranker", {"key": "p_value", "direction": "up"}),
           "hypotheses[0].ranker")
definition("hypothesis correction bad", lambda d: d["hypotheses"][0].__setitem__("correction", "magic"),
           "hypotheses[0].correction")
definition("hypothesis correction number", lambda d: d["hypotheses"][0].__setitem__("correction", 1),
           "hypotheses[0].correction")
definition("hypothesis duplicate name", lambda d: d["hypotheses"].append(copy.deepcopy(d["hypotheses"][0])),
           "hypotheses[1].name")
definition("hypotheses without treatments", setter("treatments", []), "hypotheses")

# Plugins.
def plugin(type_, params):
    return lambda d: d.__setitem__("plugins", [{"type": type_, "params": params}])


for label, v in [("negative", -1), ("2^63", raw(BIG64)), ("2^64+42", raw("18446744073709551658")), ("string", "42"),
                 ("fraction", 1.5), ("1e400", raw("1e400")), ("bool", True)]:
    definition(f"seed seed {label}", plugin("seed", {"seed": v}), "plugins[0].params.seed")
definition("seed seedFunction unknown", plugin("seed", {"seedFunction": "mine"}), "plugins[0].params.seedFunction")
definition("seed autoSeed string", plugin("seed", {"autoSeed": "yes"}), "plugins[0].params.autoSeed")
for label, v in [("0", 0), ("negative", -3), ("2^31", raw("2147483648")), ("2^40", raw("1099511627776")),
                 ("1e400", raw("1e400")), ("string", "4"), ("fraction", 2.5), ("over 1024", 5000)]:
    definition(f"parallel maxWorkers {label}", plugin("parallel", {"maxWorkers": v}), "plugins[0].params.maxWorkers")
for label, v in [("0", 0), ("2^31", raw("2147483648")), ("string", "50"), ("fraction", 0.5)]:
    definition(f"distributed unitsPerTask {label}", plugin("distributed", {"unitsPerTask": v}),
               "plugins[0].params.unitsPerTask")
for label, v in [("2^31", raw("2147483648")), ("2^40", raw("1099511627776")), ("string", "3"), ("fraction", 1.5),
                 ("below int", raw("-2147483649"))]:
    definition(f"artifacts artifactRetention {label}", plugin("artifacts", {"artifactRetention": v}),
               "plugins[0].params.artifactRetention")
for label, v in [("negative", -1), ("1e400", raw("1e400")), ("string", "10")]:
    definition(f"artifacts bigFileThresholdMb {label}", plugin("artifacts", {"bigFileThresholdMb": v}),
               "plugins[0].params.bigFileThresholdMb")
for label, v in [("etc", "/etc"), ("etc sub", "/etc/crystallize"), ("root", "/"), ("parent", "../../../.."),
                 ("proc", "/proc/self"), ("nul", "./data/x\u0000y"), ("newline", "./data/x\ny"), ("very long", "d" * 5000),
                 ("version folder", "./data/other/v0"), ("version folder upper", "./data/other/V12/x"),
                 ("number", 5), ("array", ["./data"]), ("home", "~/x")]:
    field = "plugins[0].params.rootDir"
    if label == "home":
        continue  # "~" is a plain folder name to Java: inside the working directory, allowed
    definition(f"artifacts rootDir {label}", plugin("artifacts", {"rootDir": v}), field)
# Folders of other experiments ({root} = the server's artifact root, {rootName} its last segment, {target} = the name
# of the existing experiment, whose folder is {root}/{target}): inside it, or containing it (an experiment named
# {rootName} in the root's parent), spelled in several ways: 409 naming rootDir.
for label, name, v in [("inside another's folder", None, "{root}/{target}"),
                       ("deep inside another's folder", None, "{root}/{target}/a/b/c"),
                       ("inside another's folder, dotted", None, "{root}/./x/../{target}"),
                       ("inside another's folder, slashes", None, "{root}//{target}/"),
                       ("containing the root", "{rootName}", "{root}/.."),
                       ("containing the root, slash", "{rootName}", "{root}/../"),
                       ("containing the root, dotted", "{rootName}", "{root}/x/../..")]:
    def change(d, name=name, v=v):
        plugin("artifacts", {"rootDir": v})(d)
        if name:
            d["name"] = name
    definition(f"artifacts rootDir {label}", change, "plugins[0].params.rootDir", 409)
definition("artifacts versioned string", plugin("artifacts", {"versioned": "yes"}), "plugins[0].params.versioned")
definition("logging logLevel unknown", plugin("logging", {"logLevel": "LOUD"}), "plugins[0].params.logLevel")
definition("logging verbose number", plugin("logging", {"verbose": 1}), "plugins[0].params.verbose")
definition("plugin unknown", plugin("warp", {}), "plugins[0].type")
definition("plugin listed twice", lambda d: d.__setitem__("plugins", [{"type": "seed"}, {"type": "seed"}]),
           "plugins[1].type")
definition("plugin unknown param", plugin("seed", {"sed": 1}), "plugins[0].params.sed")
definition("plugins over limit", setter("plugins", [{"type": "logging"}] * 21), "plugins")

# Top-level fields.
for label, v in [("number", 123), ("bool", True), ("array", ["x"]), ("object", {"a": "b"}), ("empty", ""),
                 ("v0", "v0"), ("V12", "V12"), ("v007", "v007"), ("traversal", "../x"), ("slash", "a/b"),
                 ("nul", "x\u0000"), ("101 chars", "n" * 101), ("dot", "."), ("dotdot", ".."), ("space", "a b"),
                 ("unicode slash", "a\u2215b"), ("null", None)]:
    definition(f"name {label}", setter("name", v), "name")
definition("name missing", lambda d: d.pop("name"), "name")
for label, v in [("0", 0), ("negative", -1), ("over limit", 100001), ("string", "2"), ("fraction", 2.5),
                 ("fraction zero", 2.0), ("1e400", raw("1e400")), ("2^31", raw("2147483648")), ("2^64", raw(U64)),
                 ("bool", True), ("array", [3]), ("exponent", raw("3e0"))]:
    definition(f"replicates {label}", setter("replicates", v), "replicates")
definition("description too long", setter("description", "x" * 10001), "description")
definition("description number", setter("description", 5), "description")
definition("unknown field", setter("colour", "blue"), "colour")
definition("unknown nested field", lambda d: d["datasource"].__setitem__("kind", "x"), "datasource.kind")

# Duplicate keys, at every depth.
B = dump({**base(), "name": "dup"})[1:-1]
add("duplicate name", '{"name":"a",' + B + '}', 400, "name")
add("duplicate replicates", '{"replicates":1,' + B + '}', 400, "replicates")
add("duplicate datasource.params.n", '{' + B.replace('"params":{"n":10}', '"params":{"n":10,"n":20}') + '}', 400,
    "datasource.params.n")
add("duplicate step type", '{' + B.replace('{"type":"math.add"}', '{"type":"math.add","type":"math.scale"}') + '}', 400,
    "steps[0].type")
add("duplicate treatment context key", '{' + B.replace('"context":{"delta":1.0}', '"context":{"delta":1.0,"delta":2.0}')
    + '}', 400, "treatments[0].context.delta")
add("duplicate seed", '{' + B.replace('"params":{"seed":42}', '"params":{"seed":42,"seed":43}') + '}', 400,
    "plugins[0].params.seed")
add("duplicate initialContext key", '{"initialContext":{"k":1,"k":2},' + B + '}', 400, "initialContext.k")

# Broken JSON.
for label, body in [("empty", ""), ("open brace", "{"), ("array", "[]"), ("null", "null"), ("number", "123"),
                    ("string", '"x"'), ("trailing garbage", dump(base()) + "garbage"), ("two objects", "{} {}"),
                    ("missing value", '{"name":}'), ("trailing comma", '{"name":"x",}'), ("single quotes", "{'name':'x'}"),
                    ("NaN", '{"name":"x","replicates":NaN}'), ("comment", '{/* c */"name":"x"}'),
                    ("control char", '{"name":"a\u0001b"}'), ("deep arrays", "[" * 3000 + "]" * 3000),
                    ("unterminated string", '{"name":"x'), ("bare word", "hello")]:
    add(f"json {label}", body, 400, None)

# Run requests.
RUNS = "/api/experiments/{experiment}/runs"
for label, v in [("fraction", 1.5), ("string", "2"), ("0", 0), ("negative", -1), ("over limit", 100001),
                 ("2^31", raw("2147483648")), ("1e400", raw("1e400")), ("bool", True), ("array", [2]),
                 ("fraction zero", 2.0)]:
    add(f"run replicates {label}", dump({"replicates": v}), 400, "replicates", path=RUNS)
for label, v, field in [("string", "boost", "treatments"), ("number entry", [123], "treatments[0]"),
                        ("unknown", ["nope"], "treatments[0]"), ("twice", ["boost", "boost"], "treatments[1]"),
                        ("empty with hypotheses", [], "treatments")]:
    add(f"run treatments {label}", dump({"treatments": v}), 400, field, path=RUNS)
for label, v in [("unknown", "sideways"), ("number", 1)]:
    add(f"run strategy {label}", dump({"strategy": v}), 400, "strategy", path=RUNS)
for label, v in [("string", "yes"), ("number", 1)]:
    add(f"run debug {label}", dump({"debug": v}), 400, "debug", path=RUNS)
add("run unknown field", '{"replicas":2}', 400, "replicas", path=RUNS)
add("run duplicate replicates", '{"replicates":2,"replicates":3}', 400, "replicates", path=RUNS)
add("run broken json", '{"replicates":', 400, None, path=RUNS)
add("run array body", '[1]', 400, None, path=RUNS)
add("run on unknown experiment", "{}", 404, None, path="/api/experiments/00000000-0000-0000-0000-000000000000/runs")
add("run on malformed id", "{}", 400, "experimentId", path="/api/experiments/not-a-uuid/runs")

# Content negotiation before any side effect.
VALID = dump({**base(), "name": "negotiated"})
for accept in ["application/xml", "text/html", "text/csv", "image/png"]:
    add(f"accept {accept}", VALID, 406, None, headers={"Accept": accept})
    add(f"run accept {accept}", "{}", 406, None, path=RUNS, headers={"Accept": accept})
add("accept malformed", VALID, 400, None, headers={"Accept": "nonsense"})
add("content type text", VALID, 415, None, headers={"Content-Type": "text/plain"})
add("content type xml", VALID, 415, None, headers={"Content-Type": "application/xml"})

# Paths, queries, methods and headers the container sees first.
for label, path, status, field in [
        ("page overflow", "/api/experiments?page=2147483647", 400, "page"),
        ("runs page overflow", "/api/runs?page=2147483647&size=100", 400, "page"),
        ("experiment id malformed", "/api/experiments/not-a-uuid", 400, "id"),
        ("page negative", "/api/experiments?page=-1", 400, "page"),
        ("size too large", "/api/experiments?size=100000", 400, "size"),
        ("page not a number", "/api/runs?page=abc", 400, "page"),
        ("run id malformed", "/api/runs/zzz", 400, "runId"),
        ("artifact id malformed", "/api/artifacts/zzz/content", 400, "artifactId"),
        ("run status unknown", "/api/runs?status=NOPE", 400, "status"),
        ("runs experimentId malformed", "/api/runs?experimentId=xyz", 400, "experimentId"),
        ("unknown experiment", "/api/experiments/00000000-0000-0000-0000-000000000000", 404, None),
        ("unknown path", "/api/nothing-here", 404, None),
        ("error page", "/error", 404, None),
        ("encoded slash", "/api/experiments/a%2Fb", 400, None),
        ("encoded backslash", "/api/experiments/a%5Cb", 400, None),
        ("encoded nul", "/api/experiments/a%00b", 400, None),
        ("encoded dotdot", "/api/%2e%2e/%2e%2e/etc/passwd", 400, None)]:
    add(label, None, status, field, method="GET", path=path)
add("trace", None, 405, None, method="TRACE", path="/api/experiments")
add("put experiments", VALID, 405, None, method="PUT", path="/api/experiments")
add("patch experiments", VALID, 405, None, method="PATCH", path="/api/experiments")
# Headers are bounded by their total size (server.max-http-request-header-size, 16KB): 431, however they are cut.
add("header over 16KB", None, 431, None, method="GET", path="/actuator/health", headers={"X-Big": "a" * 20000})
add("2000 headers", None, 431, None, method="GET", path="/actuator/health",
    headers={f"X-H{i}": "v" for i in range(2000)})
add("idempotency key too long", VALID, 400, None, headers={"Idempotency-Key": "k" * 300})

with open("src/test/resources/fixtures/hostile/corpus.json", "w") as out:
    json.dump(cases, out, indent=1, ensure_ascii=True)
print(len(cases), "cases")
