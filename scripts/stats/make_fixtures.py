#!/usr/bin/env python3
"""Generate the scipy reference fixtures for the Java verifiers (src/main/java/.../analysis).

Run from the repository root:  python3 scripts/stats/make_fixtures.py
Writes src/test/resources/fixtures/stats/verifiers.json and multiple_comparisons.json.
Python is used only here, to produce expectations; the service never calls it.

Conventions mirrored by the Java side:
* every two-sample test is called as f(treatment, baseline), so "greater" means treatment > baseline;
* paired data pair by replicate, then by order within a replicate, over replicates present in both arms;
* effect sizes: hedges_g = d * (1 - 3 / (4 (n1 + n2) - 9)) with the pooled sd; cohens_dz = mean(d) / sd(d);
  rank_biserial = 2 U_treatment / (n1 n2) - 1; cohens_h = 2 asin sqrt(p_t) - 2 asin sqrt(p_b);
* one-sided confidence intervals have one infinite bound, written as null.
"""
import json
import math
import pathlib
from fractions import Fraction

import numpy as np
import scipy
from scipy import stats

SEED = 20240611
ALTERNATIVES = ("two-sided", "greater", "less")
PERMUTATION_ITERATIONS = 10000  # the Java default: enumerate exactly when C(n, n_t) <= this
OUT = pathlib.Path(__file__).resolve().parents[2] / "src/test/resources/fixtures/stats"


def bound(x):
    return None if not math.isfinite(x) else float(x)


def hedges_g(t, b):
    n1, n2 = len(t), len(b)
    sp = math.sqrt(((n1 - 1) * np.var(t, ddof=1) + (n2 - 1) * np.var(b, ddof=1)) / (n1 + n2 - 2))
    return (np.mean(t) - np.mean(b)) / sp * (1 - 3 / (4 * (n1 + n2) - 9))


def t_tests(t, b, alpha):
    out = {}
    for name, equal_var in (("welch_t_test", False), ("t_test", True)):
        out[name] = {}
        for alt in ALTERNATIVES:
            r = stats.ttest_ind(t, b, equal_var=equal_var, alternative=alt)
            ci = r.confidence_interval(1 - alpha)
            out[name][alt] = {"p_value": float(r.pvalue), "statistic": float(r.statistic), "df": float(r.df),
                              "ci_low": bound(ci.low), "ci_high": bound(ci.high),
                              "effect_size": float(hedges_g(t, b))}
    return out


def pairs(b, b_rep, t, t_rep):
    """Pair by replicate and order within the replicate; replicates missing from either arm are dropped."""
    pb, pt = [], []
    for rep in sorted(set(b_rep) & set(t_rep)):
        bv = [v for v, r in zip(b, b_rep) if r == rep]
        tv = [v for v, r in zip(t, t_rep) if r == rep]
        k = min(len(bv), len(tv))
        pb += bv[:k]
        pt += tv[:k]
    return np.array(pb), np.array(pt)


def paired_test(b, b_rep, t, t_rep, alpha):
    pb, pt = pairs(b, b_rep, t, t_rep)
    d = pt - pb
    out = {}
    for alt in ALTERNATIVES:
        r = stats.ttest_rel(pt, pb, alternative=alt)
        ci = r.confidence_interval(1 - alpha)
        out[alt] = {"p_value": float(r.pvalue), "statistic": float(r.statistic), "df": float(r.df),
                    "ci_low": bound(ci.low), "ci_high": bound(ci.high), "n_pairs": len(d),
                    "effect_size": float(np.mean(d) / np.std(d, ddof=1))}
    return out


def mann_whitney(t, b):
    ties = len(np.unique(np.concatenate([t, b]))) < len(t) + len(b)
    # scipy's 'auto' rule (scipy >= 1.13): exact when one sample has <= 8 values and there are no ties
    method = "exact" if min(len(t), len(b)) <= 8 and not ties else "asymptotic"
    out = {}
    for alt in ALTERNATIVES:
        r = stats.mannwhitneyu(t, b, alternative=alt)  # method='auto', use_continuity=True
        out[alt] = {"p_value": float(r.pvalue), "statistic": float(r.statistic), "method": method,
                    "effect_size": float(2 * r.statistic / (len(t) * len(b)) - 1)}
    return out


def z_test(t, b, alpha):
    n1, n2 = len(t), len(b)
    p1, p2 = np.mean(t), np.mean(b)
    pool = (np.sum(t) + np.sum(b)) / (n1 + n2)
    z = (p1 - p2) / math.sqrt(pool * (1 - pool) * (1 / n1 + 1 / n2))
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)  # unpooled (Wald) for the interval
    diff = p1 - p2
    out = {}
    for alt in ALTERNATIVES:
        if alt == "two-sided":
            p, q = 2 * stats.norm.sf(abs(z)), stats.norm.ppf(1 - alpha / 2)
            lo, hi = diff - q * se, diff + q * se
        elif alt == "greater":
            p, q = stats.norm.sf(z), stats.norm.ppf(1 - alpha)
            lo, hi = diff - q * se, math.inf
        else:
            p, q = stats.norm.cdf(z), stats.norm.ppf(1 - alpha)
            lo, hi = -math.inf, diff + q * se
        out[alt] = {"p_value": float(p), "statistic": float(z), "ci_low": bound(lo), "ci_high": bound(hi),
                    "effect_size": float(2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2)))}
    return out


def permutation(t, b):
    def diff(x, y, axis):
        return np.mean(x, axis=axis) - np.mean(y, axis=axis)

    out = {}
    for alt in ALTERNATIVES:
        r = stats.permutation_test((t, b), diff, permutation_type="independent", vectorized=True,
                                   n_resamples=PERMUTATION_ITERATIONS, alternative=alt, rng=0)
        out[alt] = {"p_value": float(r.pvalue), "statistic": float(r.statistic), "exact": True}
    return out


def exact_t_statistics(t, b):
    """t statistics in exact rational arithmetic (one rounding at the end): the truth for ill-conditioned data."""
    t, b = [Fraction(x) for x in t], [Fraction(x) for x in b]
    n1, n2 = len(t), len(b)
    m1, m2 = sum(t) / n1, sum(b) / n2
    v1 = sum((x - m1) ** 2 for x in t) / (n1 - 1)
    v2 = sum((x - m2) ** 2 for x in b) / (n2 - 1)
    pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
    return {"welch_t_test": float(m1 - m2) / math.sqrt(v1 / n1 + v2 / n2),
            "t_test": float(m1 - m2) / math.sqrt(pooled * (Fraction(1, n1) + Fraction(1, n2)))}


def case(cid, kind, b, t, alpha, b_rep=None, t_rep=None, ill_conditioned=False):
    b, t = np.asarray(b, dtype=float), np.asarray(t, dtype=float)
    b_rep = list(range(len(b))) if b_rep is None else b_rep
    t_rep = list(range(len(t))) if t_rep is None else t_rep
    expected = t_tests(t, b, alpha)
    expected["mann_whitney_u"] = mann_whitney(t, b)
    if math.comb(len(t) + len(b), len(t)) <= PERMUTATION_ITERATIONS:
        expected["permutation_test"] = permutation(t, b)
    if kind == "paired":
        expected["paired_t_test"] = paired_test(b, b_rep, t, t_rep, alpha)
    if kind == "binary":
        expected["two_proportion_z_test"] = z_test(t, b, alpha)
    if ill_conditioned:
        # Means rounded in double lose ~1e-6 of the difference here, so scipy and Java cannot agree to 1e-9;
        # the test compares both to these exact values instead, at the accuracy double arithmetic allows.
        for name, value in exact_t_statistics(t, b).items():
            for alt in ALTERNATIVES:
                expected[name][alt]["exact_statistic"] = value
    return {"id": cid, "kind": kind, "alpha": alpha, "ill_conditioned": ill_conditioned,
            "baseline": b.tolist(), "baseline_replicates": list(map(int, b_rep)),
            "treatment": t.tolist(), "treatment_replicates": list(map(int, t_rep)),
            "expected": expected}


def datasets(rng):
    alphas = (0.05, 0.01, 0.1)
    cases = []
    # Continuous, no ties: small sizes exercise the exact Mann-Whitney path and exact permutations.
    sizes = [(3, 4), (4, 4), (5, 5), (5, 7), (6, 6), (7, 8), (8, 8), (3, 12), (5, 20), (8, 40),
             (10, 10), (12, 15), (20, 20), (25, 18), (30, 30), (50, 45), (100, 100), (9, 9)]
    for i, (nb, nt) in enumerate(sizes):
        shift = rng.choice([0.0, 0.3, 1.0, -0.8])
        sd_t = rng.choice([1.0, 0.5, 3.0])  # unequal variances separate Welch from Student
        cases.append(case(f"normal_{nb}x{nt}_{i}", "independent", rng.normal(10, 1.0, nb),
                          rng.normal(10 + shift, sd_t, nt), alphas[i % 3]))
    # Skewed data.
    for i, (nb, nt) in enumerate([(15, 15), (40, 30), (6, 9)]):
        cases.append(case(f"lognormal_{nb}x{nt}_{i}", "independent", rng.lognormal(0, 1, nb),
                          rng.lognormal(0.5, 1, nt), alphas[i % 3]))
    # Ties (integer scores): asymptotic Mann-Whitney with tie correction, even for small n.
    for i, (nb, nt) in enumerate([(5, 6), (8, 8), (12, 10), (30, 30), (60, 50), (4, 20)]):
        cases.append(case(f"ties_{nb}x{nt}_{i}", "independent", rng.integers(0, 6, nb),
                          rng.integers(1, 7, nt), alphas[i % 3]))
    # Awkward shapes: the minimum n for a t test, complete separation, a large offset with a small spread.
    cases.append(case("minimum_2x3", "independent", rng.normal(0, 1, 2), rng.normal(1, 1, 3), 0.05))
    cases.append(case("separated_6x7", "independent", rng.uniform(0, 1, 6), rng.uniform(2, 3, 7), 0.05))
    cases.append(case("offset_1e6_20x20", "independent", rng.normal(1e6, 1e-3, 20), rng.normal(1e6, 2e-3, 20), 0.05,
                      ill_conditioned=True))
    cases.append(case("binary_small_9x8", "binary", [0, 1, 0, 0, 1, 0, 0, 0, 1], [1, 1, 0, 1, 1, 0, 1, 1], 0.1))
    # One constant arm: Welch and Student still defined.
    cases.append(case("constant_baseline", "independent", [5.0] * 12, rng.normal(5.5, 1, 12), 0.05))
    # 0/1 metrics.
    for i, (nb, nt, pb, pt) in enumerate([(20, 20, .3, .6), (50, 60, .5, .5), (100, 100, .1, .15),
                                          (200, 180, .42, .5), (500, 500, .05, .08), (30, 25, .7, .4),
                                          (1000, 1000, .5, .53), (15, 40, .2, .45)]):
        cases.append(case(f"binary_{nb}x{nt}_{i}", "binary", rng.binomial(1, pb, nb),
                          rng.binomial(1, pt, nt), alphas[i % 3]))
    # Paired: common random numbers per replicate, some failed units, some metrics recorded twice.
    for i, (n, shift) in enumerate([(5, 0.5), (8, 0.0), (12, 0.4), (20, 1.0), (30, -0.2), (50, 0.1),
                                    (10, 2.0), (15, 0.3)]):
        base = rng.normal(0, 2, n)
        b = base + rng.normal(0, 0.5, n)
        t = base + shift + rng.normal(0, 0.5, n)
        b_rep, t_rep = list(range(n)), list(range(n))
        if i % 2 == 1:  # a failed treatment unit and a failed baseline unit
            t, t_rep = np.delete(t, 1), [r for r in t_rep if r != 1]
            b, b_rep = np.delete(b, n - 1), [r for r in b_rep if r != n - 1]
        if i % 3 == 2:  # replicate 0 recorded the metric twice in both arms, replicate 2 only in baseline
            b, b_rep = np.insert(b, 1, b[0] + 0.1), [0] + b_rep
            t, t_rep = np.insert(t, 1, t[0] + 0.4), [0] + t_rep
            k = b_rep.index(2)
            b, b_rep = np.insert(b, k + 1, 3.3), b_rep[:k + 1] + [2] + b_rep[k + 1:]
        cases.append(case(f"paired_{n}_{i}", "paired", b, t, alphas[i % 3], b_rep, t_rep))
    return cases


def adjust(p, method):
    """Textbook adjustments (no statsmodels): Bonferroni, Holm step-down, Benjamini-Hochberg step-up."""
    p = np.asarray(p, dtype=float)
    m = len(p)
    if method == "none":
        return p.tolist()
    if method == "bonferroni":
        return np.minimum(p * m, 1).tolist()
    order = np.argsort(p, kind="stable")
    out = np.empty(m)
    if method == "holm":
        running = 0.0
        for rank, idx in enumerate(order):
            running = max(running, min(1.0, (m - rank) * p[idx]))
            out[idx] = running
    else:  # bh
        running = 1.0
        for rank in range(m - 1, -1, -1):
            idx = order[rank]
            running = min(running, p[idx] * m / (rank + 1))
            out[idx] = min(running, 1.0)
    return out.tolist()


def multiple_comparisons(rng):
    vectors = [[0.01], [0.01, 0.04, 0.03, 0.005], [0.5, 0.5, 0.5], [0.0, 1.0, 0.2, 0.2, 0.049],
               rng.uniform(0, 0.1, 10).tolist(), rng.uniform(0, 1, 25).tolist(), (rng.beta(0.3, 3, 40)).tolist()]
    return [{"p_values": v, "expected": {m: adjust(v, m) for m in ("none", "bonferroni", "holm", "bh")}}
            for v in vectors]


def main():
    rng = np.random.default_rng(SEED)
    meta = {"seed": SEED, "numpy": np.__version__, "scipy": scipy.__version__}
    OUT.mkdir(parents=True, exist_ok=True)
    cases = datasets(rng)
    (OUT / "verifiers.json").write_text(json.dumps({"generator": meta, "cases": cases}, indent=1) + "\n")
    mc = multiple_comparisons(rng)
    (OUT / "multiple_comparisons.json").write_text(json.dumps({"generator": meta, "cases": mc}, indent=1) + "\n")
    print(f"{len(cases)} verifier cases, {len(mc)} p-value vectors")


if __name__ == "__main__":
    main()
