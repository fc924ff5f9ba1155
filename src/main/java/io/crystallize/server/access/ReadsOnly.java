package io.crystallize.server.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that changes nothing although its method is not {@code GET} (e.g. a dry run): a workspace
 * {@code VIEWER} may call it. Without it, every non-{@code GET} handler under a {@link WorkspaceLookup} anchor
 * needs write access.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadsOnly {
}
