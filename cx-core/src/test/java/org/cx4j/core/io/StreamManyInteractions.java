package org.cx4j.core.io;

import java.util.ArrayList;
import java.util.List;
import org.cx4j.core.interaction.Interaction;

/**
 * Streams generated interaction rows through the CSV reader and prints the number of records read,
 * for {@link SmallHeapTest}, which runs it in a child JVM with {@code -Xmx64m}.
 *
 * <p>Arguments: the number of rows, and optionally {@code collect} to keep every record in a list
 * instead (the control: that must run out of memory).
 */
public final class StreamManyInteractions {

  private StreamManyInteractions() {}

  /** Runs it; see the class comment. */
  public static void main(String[] args) {
    long rows = Long.parseLong(args[0]);
    boolean collect = args.length > 1 && args[1].equals("collect");
    long count = 0;
    long converted = 0;
    List<Interaction> kept = new ArrayList<>();
    try (RecordStream<Interaction> s =
        CxReaders.interactions(IoFixtures.CATALOG)
            .read(new GeneratedInteractionsReader(rows), "generated.csv")) {
      while (s.hasNext()) {
        Interaction i = s.next();
        count++;
        if (i.hasOutcome()) {
          converted++;
        }
        if (collect) {
          kept.add(i);
        }
      }
      if (s.report().rejected() != 0) {
        throw new AssertionError(s.report().toString());
      }
    }
    System.out.println(count + " " + converted + " " + Runtime.getRuntime().maxMemory());
  }
}
