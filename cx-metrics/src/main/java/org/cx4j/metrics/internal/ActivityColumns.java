package org.cx4j.metrics.internal;

import java.util.Objects;
import org.cx4j.metrics.activity.ActivityLog;

/**
 * The raw columns of an {@link ActivityLog}, shared without copying for the retention tables,
 * lifecycle counts and churn bridge in other cx-metrics packages. The public {@code ActivityLog}
 * API hands out copies only; this door is for cx4j's own models.
 *
 * <p>Unsupported: not part of the public API, may change without notice. The arrays must not be
 * modified.
 */
public final class ActivityColumns {

  /**
   * The shared columns of one log.
   *
   * @param customers the customer code of each row
   * @param epochMillis the instant of each row
   */
  public record View(int[] customers, long[] epochMillis) {
    @Override
    public String toString() {
      return "ActivityColumns.View[" + customers.length + " rows]";
    }
  }

  /** Implemented once, by {@link ActivityLog}, which registers it when its class initialises. */
  public interface Access {
    /** Returns the log's columns, not copied. */
    View columns(ActivityLog log);
  }

  private static volatile Access access;

  private ActivityColumns() {}

  /**
   * Called once by {@link ActivityLog}'s static initialiser.
   *
   * @throws IllegalStateException when called a second time
   */
  public static void register(Access a) {
    if (access != null) {
      throw new IllegalStateException("ActivityLog access is already registered");
    }
    access = Objects.requireNonNull(a, "access");
  }

  /** Returns the columns of {@code log}, not copied. */
  public static View of(ActivityLog log) {
    Objects.requireNonNull(log, "log");
    // An ActivityLog exists, so its class has initialised and registered the access.
    return access.columns(log);
  }
}
