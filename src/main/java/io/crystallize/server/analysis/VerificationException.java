package io.crystallize.server.analysis;

/**
 * The data or params cannot be tested (too few values, zero variance, NaN, a bad param). Thrown inside
 * a verifier only: {@link TwoSampleVerifier} turns it into the result's {@code error}, never out.
 */
final class VerificationException extends RuntimeException {

    VerificationException(String message) {
        super(message, null, false, false);
    }
}
