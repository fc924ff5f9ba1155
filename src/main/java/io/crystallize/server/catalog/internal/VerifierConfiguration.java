package io.crystallize.server.catalog.internal;

import io.crystallize.server.analysis.BootstrapMeanDiffVerifier;
import io.crystallize.server.analysis.MannWhitneyUVerifier;
import io.crystallize.server.analysis.PairedTTestVerifier;
import io.crystallize.server.analysis.PermutationTestVerifier;
import io.crystallize.server.analysis.StudentTTestVerifier;
import io.crystallize.server.analysis.TwoProportionZTestVerifier;
import io.crystallize.server.analysis.WelchTTestVerifier;
import io.crystallize.server.engine.spi.Verifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the built-in verifiers of the {@code analysis} module in the catalog. They are plain, stateless
 * Java objects (the analysis module knows no Spring), so they are declared here rather than annotated.
 */
@Configuration(proxyBeanMethods = false)
public class VerifierConfiguration {

    @Bean
    Verifier welchTTestVerifier() {
        return new WelchTTestVerifier();
    }

    @Bean
    Verifier studentTTestVerifier() {
        return new StudentTTestVerifier();
    }

    @Bean
    Verifier pairedTTestVerifier() {
        return new PairedTTestVerifier();
    }

    @Bean
    Verifier mannWhitneyUVerifier() {
        return new MannWhitneyUVerifier();
    }

    @Bean
    Verifier bootstrapMeanDiffVerifier() {
        return new BootstrapMeanDiffVerifier();
    }

    @Bean
    Verifier permutationTestVerifier() {
        return new PermutationTestVerifier();
    }

    @Bean
    Verifier twoProportionZTestVerifier() {
        return new TwoProportionZTestVerifier();
    }
}
