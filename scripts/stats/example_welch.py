"""scipy's Welch test on the metrics the service returned for the API.md example (seed 42).

The example is deterministic (every unit draws from its own generator seeded by the SeedPlugin formula),
so its metrics are a fixture: ExampleHypothesisTest checks that a fresh run returns exactly these
metrics and that the service's Welch p-value and statistic equal scipy's on them.

    python3 scripts/stats/example_welch.py
"""
import json
import pathlib

from scipy import stats

root = pathlib.Path(__file__).resolve().parents[2] / "src/test/resources/fixtures/e2e"
metrics = json.loads((root / "example-metrics.json").read_text())
baseline, boost = metrics["baseline"]["mean"], metrics["boost"]["mean"]
result = stats.ttest_ind(boost, baseline, equal_var=False)
ci = result.confidence_interval(0.95)
out = {
    "p_value": float(result.pvalue),
    "statistic": float(result.statistic),
    "df": float(result.df),
    "ci_low": float(ci.low),
    "ci_high": float(ci.high),
}
(root / "example-welch.json").write_text(json.dumps(out, indent=1) + "\n")
print(out)
