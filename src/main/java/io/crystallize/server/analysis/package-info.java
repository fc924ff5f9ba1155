/**
 * Statistics for hypotheses: the built-in {@link io.crystallize.server.engine.spi.Verifier verifiers}
 * (t tests, Mann-Whitney U, resampling tests, a two-proportion z test) and p-value adjustment for
 * multiple comparisons. Plain Java on Apache Commons Statistics: no Spring, no I/O.
 *
 * <p>Every verifier compares the treatment to the baseline in that order (as scipy's
 * {@code test(treatment, baseline)}), so a positive statistic and {@code alternative = "greater"}
 * both mean "treatment above baseline". A verifier never throws on awkward data: it returns its
 * result with integrity {@code flags}, and with {@code p_value = null} plus an {@code error} where
 * the test is undefined. The values are checked against scipy in
 * {@code scripts/stats/make_fixtures.py}.
 */
package io.crystallize.server.analysis;
