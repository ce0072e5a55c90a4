package org.cx4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * The reader shares one touchpoint per (id, channel, stage) of the file: every record must still
 * get the touchpoint its own row names, as a touchpoint made afresh for each row would be, however
 * many channel and stage pairs one id comes with (past the sharing limits too).
 */
class SharedTouchpointProperties {

  @Property(tries = 200)
  void everyRowGetsTheTouchpointItNames(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3000) int rows,
      @ForAll @IntRange(min = 1, max = 600) int ids,
      @ForAll @IntRange(min = 1, max = 30) int channels) {
    Random rnd = new Random(seed);
    String[] stages = {"awareness", "consideration", "purchase", "Retention", "custom stage"};
    StringBuilder sb = new StringBuilder("customer_id,touchpoint,channel,stage,timestamp\n");
    List<String[]> written = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      String id = "tp" + rnd.nextInt(ids);
      String channel = "ch" + rnd.nextInt(channels);
      String stage = stages[rnd.nextInt(stages.length)];
      String pad = rnd.nextInt(10) == 0 ? " " : "";
      written.add(new String[] {id, channel, stage});
      sb.append("C1,").append(pad).append(id).append(',').append(channel).append(pad);
      sb.append(',').append(stage).append(",2025-01-01T00:00:00Z\n");
    }
    List<Touchpoint> read = new ArrayList<>();
    try (RecordStream<Interaction> s =
        CxReaders.interactions().read(new StringReader(sb.toString()), "t.csv")) {
      s.forEachRemaining(i -> read.add(i.touchpoint()));
    }
    assertEquals(rows, read.size());
    Map<List<String>, Touchpoint> first = new HashMap<>();
    for (int r = 0; r < rows; r++) {
      String[] w = written.get(r);
      Touchpoint fresh = Touchpoint.of(w[0], Channel.of(w[1]), JourneyStage.of(w[2]));
      Touchpoint t = read.get(r);
      assertEquals(fresh, t, "row " + r);
      assertEquals(fresh.channel(), t.channel(), "row " + r);
      assertEquals(fresh.stage(), t.stage(), "row " + r);
      Touchpoint earlier = first.putIfAbsent(List.of(w), t);
      if (earlier != null && first.size() <= Row.MAX_PAIRS_PER_ID) {
        assertSame(earlier, t, "row " + r + ": the same three values share one touchpoint");
      }
    }
  }
}
