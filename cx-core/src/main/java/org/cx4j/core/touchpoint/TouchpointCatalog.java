package org.cx4j.core.touchpoint;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The company's known touchpoints, looked up by id. Readers use it to turn the touchpoint id in a
 * data file into a {@link Touchpoint} with its channel and stage.
 *
 * <p>Immutable and thread-safe.
 */
public final class TouchpointCatalog {

  private final ImmutableMap<String, Touchpoint> byId;
  private final StageModel stages;

  private TouchpointCatalog(ImmutableMap<String, Touchpoint> byId, StageModel stages) {
    this.byId = byId;
    this.stages = stages;
  }

  /**
   * Returns a catalog of {@code touchpoints} over the default stage model.
   *
   * @throws IllegalArgumentException if two touchpoints share an id, or a stage is not in the
   *     default model
   */
  public static TouchpointCatalog of(Collection<Touchpoint> touchpoints) {
    return of(StageModel.DEFAULT, touchpoints);
  }

  /**
   * Returns a catalog of {@code touchpoints} whose stages all belong to {@code stages}.
   *
   * @throws IllegalArgumentException if two touchpoints share an id, or a touchpoint's stage is not
   *     in {@code stages}
   */
  public static TouchpointCatalog of(StageModel stages, Collection<Touchpoint> touchpoints) {
    Objects.requireNonNull(stages, "stages");
    Map<String, Touchpoint> m = new LinkedHashMap<>();
    for (Touchpoint t : touchpoints) {
      checkArgument(
          stages.contains(t.stage()),
          "touchpoint '%s' has stage '%s', which is not in the stage model %s",
          t.id(),
          t.stage(),
          stages);
      Touchpoint prev = m.put(t.id(), t);
      checkArgument(prev == null, "touchpoint id '%s' is used twice: %s and %s", t.id(), prev, t);
    }
    return new TouchpointCatalog(ImmutableMap.copyOf(m), stages);
  }

  /** Returns the touchpoint with {@code id}, if known. */
  public Optional<Touchpoint> find(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * Returns the touchpoint with {@code id}.
   *
   * @throws IllegalArgumentException if no touchpoint has that id
   */
  public Touchpoint get(String id) {
    Touchpoint t = byId.get(Objects.requireNonNull(id, "id"));
    checkArgument(t != null, "unknown touchpoint id '%s'; known: %s", id, byId.keySet());
    return t;
  }

  /** Returns the touchpoints in the order given. */
  public List<Touchpoint> touchpoints() {
    return byId.values().asList();
  }

  /** Returns the stage model the touchpoints' stages belong to. */
  public StageModel stages() {
    return stages;
  }

  /** Returns the number of touchpoints. */
  public int size() {
    return byId.size();
  }

  @Override
  public String toString() {
    return "TouchpointCatalog" + byId.keySet() + " over " + stages;
  }
}
