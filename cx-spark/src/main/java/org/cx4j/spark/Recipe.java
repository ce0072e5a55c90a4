package org.cx4j.spark;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A serializable recipe for a cx4j object that is not itself serializable (a {@code Funnel}, a
 * {@code JourneyRebuilder}): Spark ships the recipe to the executors, and each one builds its own
 * object there. Write it as a lambda, which Java makes serializable through this interface:
 *
 * <pre>{@code
 * Recipe<Funnel> funnel = () -> Funnel.builder().step("home").step("cart").build();
 * }</pre>
 *
 * <p>A recipe must build equal objects every time it is called (no clock, no randomness): the
 * per-partition results are only mergeable if every partition used the same definition.
 *
 * @param <T> what it builds
 */
@FunctionalInterface
public interface Recipe<T> extends Supplier<T>, Serializable {}
