package org.cx4j.report.input;

import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.io.SectionedRead;
import org.cx4j.journey.log.InteractionBatch;

/**
 * A batch of interactions as a {@link SectionedRead} hands them over: {@linkplain InteractionBatch
 * staged} on the reading thread, which copies what the log reads of each row into flat arrays while
 * the row is in its cache, so the thread that adds them to the log reads the batch front to back
 * instead of following each row's objects into another core's cache.
 */
final class StagedInteractions {

  /** How the reading threads fill these batches. */
  static final SectionedRead.Batches<Interaction, StagedInteractions> BATCHES =
      new SectionedRead.Batches<>() {
        @Override
        public StagedInteractions create(int capacity) {
          return new StagedInteractions(capacity);
        }

        @Override
        public void add(StagedInteractions batch, Interaction record) {
          batch.records.add(record);
        }

        @Override
        public void clear(StagedInteractions batch) {
          batch.records.clear();
        }
      };

  private final InteractionBatch records;

  private StagedInteractions(int capacity) {
    records = InteractionBatch.withCapacity(capacity);
  }

  /** Returns the staged interactions. */
  InteractionBatch records() {
    return records;
  }
}
