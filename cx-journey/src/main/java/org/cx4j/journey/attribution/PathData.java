package org.cx4j.journey.attribution;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.journey.log.Abstraction;
import org.cx4j.journey.rebuild.Journey;
import org.cx4j.journey.rebuild.Journeys;

/**
 * Aggregated customer paths, the format attribution tools exchange: each row is a sequence of
 * channels (touches before the conversion or the end of the journey) with the number of journeys
 * that followed it and converted, their conversion value, and the number that did not convert.
 *
 * <p>Stored columnar: a channel dictionary, the touches of all paths in one {@code int[]} with
 * offsets, and per-path primitive counts. Immutable once built.
 *
 * <p>A path string reads {@code "search > email > direct"}; the separator is configurable. Paths
 * are kept as lists of channel codes and never re-parsed, so a path given as a list ({@link
 * Builder#add(List, long, double, long)}, {@link #fromJourneys}) may hold channel names that
 * contain the separator ({@code "web > direct"}, commas, quotes); only a path given as one string
 * is split on it.
 */
public final class PathData {

  /** The separator ChannelAttribution and most exports use between channels. */
  public static final String DEFAULT_SEPARATOR = " > ";

  private final List<String> channels;
  private final int[] offsets;
  private final int[] touches;
  private final long[] conversions;
  private final double[] value;
  private final long[] nulls;
  private final long totalConversions;
  private final double totalValue;
  private final double nonConvertingValue;
  private final long totalNulls;

  private PathData(
      List<String> channels,
      int[] offsets,
      int[] touches,
      long[] conversions,
      double[] value,
      long[] nulls) {
    this.channels = channels;
    this.offsets = offsets;
    this.touches = touches;
    this.conversions = conversions;
    this.value = value;
    this.nulls = nulls;
    // Totals once, here: every model needs them, and a pass over millions of rows is not free.
    long tc = 0;
    long tn = 0;
    for (int i = 0; i < conversions.length; i++) {
      tc = Math.addExact(tc, conversions[i]);
      tn = Math.addExact(tn, nulls[i]);
    }
    this.totalConversions = tc;
    this.totalNulls = tn;
    // The total every model distributes: the value of converting paths only. A value on a path
    // without conversions is no conversion value; every model ignores it (nonConvertingValue()).
    KahanSum converting = new KahanSum();
    KahanSum other = new KahanSum();
    for (int i = 0; i < value.length; i++) {
      (conversions[i] > 0 ? converting : other).add(value[i]);
    }
    this.totalValue = converting.value();
    this.nonConvertingValue = other.value();
  }

  /** Returns a new builder with the default separator. */
  public static Builder builder() {
    return new Builder(DEFAULT_SEPARATOR);
  }

  /** Returns a new builder whose path strings use {@code separator}. */
  public static Builder builder(String separator) {
    return new Builder(separator);
  }

  /**
   * Reads path rows from a delimited file with a header and four columns in this order: path,
   * conversions, conversion value, nulls (the ChannelAttribution layout {@code
   * path;total_conversions;total_conversion_value;total_null}).
   *
   * @param in the text; not closed
   * @param delimiter the column delimiter, such as {@code ';'}
   * @param separator the separator between channels inside a path
   * @throws IllegalArgumentException naming the line and value if a row is malformed
   * @throws UncheckedIOException if reading fails
   */
  public static PathData readCsv(Reader in, char delimiter, String separator) {
    Objects.requireNonNull(in, "in");
    Builder b = builder(separator);
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    CsvSchema schema =
        CsvSchema.emptySchema().withColumnSeparator(delimiter).withSkipFirstDataRow(true);
    try (MappingIterator<String[]> rows =
        mapper.readerFor(String[].class).with(schema).readValues(in)) {
      while (rows.hasNext()) {
        // hasNext() has positioned the parser at the row's start: its line is the row's.
        long line = rows.getCurrentLocation().getLineNr();
        String[] r = rows.next();
        if (r.length == 1 && r[0].isEmpty()) {
          continue;
        }
        if (r.length != 4) {
          throw new IllegalArgumentException(
              "line "
                  + line
                  + ": expected 4 columns (path, conversions, value, nulls), got "
                  + r.length
                  + ": "
                  + Arrays.toString(r));
        }
        try {
          b.add(
              r[0],
              Long.parseLong(r[1].trim()),
              Double.parseDouble(r[2].trim()),
              Long.parseLong(r[3].trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "line " + line + ": not a number in " + Arrays.toString(r), e);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.build();
  }

  /**
   * Returns one path row per journey: its touches mapped through {@code abstraction} (by channel,
   * by touchpoint, or a cleaning rule), up to and including the first event whose outcome is {@code
   * conversion}. A journey with such an event counts as one conversion worth {@code
   * value.applyAsDouble(journey)}; any other journey counts as one null.
   *
   * @param journeys rebuilt journeys
   * @param abstraction the node each touchpoint is credited as, e.g. {@code
   *     Abstraction.of(journeys.dictionary(), Level.CHANNEL)}
   * @param conversion the outcome that marks a conversion
   * @param value the conversion value of a converted journey (finite, non-negative)
   * @throws IllegalArgumentException if the abstraction is over another dictionary, or a value is
   *     negative or not finite
   */
  public static PathData fromJourneys(
      Journeys journeys,
      Abstraction abstraction,
      Outcome conversion,
      ToDoubleFunction<Journey> value) {
    Objects.requireNonNull(journeys, "journeys");
    Objects.requireNonNull(abstraction, "abstraction");
    Objects.requireNonNull(conversion, "conversion");
    Objects.requireNonNull(value, "value");
    checkArgument(
        abstraction.dictionary().equals(journeys.dictionary()),
        "the abstraction is over another touchpoint dictionary than the journeys'");
    int target = journeys.outcomes().indexOf(conversion);
    Builder b = builder();
    // Each touchpoint's channel code, given on its first use (so codes follow first sight, as
    // adding the paths' names would give them): no name looked up per event.
    int[] channelOf = new int[journeys.dictionary().size()];
    Arrays.fill(channelOf, -1);
    int[] path = new int[16];
    for (int j = 0; j < journeys.journeyCount(); j++) {
      int n = 0;
      boolean converted = false;
      for (int e = journeys.eventStart(j); e < journeys.eventEnd(j); e++) {
        int t = journeys.touchpointCode(e);
        int c = channelOf[t];
        if (c < 0) {
          String name = abstraction.label(abstraction.node(t)).trim();
          checkArgument(!name.isEmpty(), "blank channel name for touchpoint code %s", t);
          c = channelOf[t] = b.dictionary.code(name, 0, name.length());
        }
        if (n == path.length) {
          path = Arrays.copyOf(path, 2 * n);
        }
        path[n++] = c;
        if (target >= 0 && journeys.outcomeCode(e) == target) {
          converted = true;
          break;
        }
      }
      checkArgument(n > 0, "empty journey %s", j);
      if (converted) {
        b.addCodes(path, n, 1, value.applyAsDouble(journeys.journey(j)), 0);
      } else {
        b.addCodes(path, n, 0, 0, 1);
      }
    }
    return b.build();
  }

  /**
   * Returns path data over columns (copied): path {@code i} is the channels {@code
   * touches[offsets[i]] .. touches[offsets[i + 1] - 1]} (codes into {@code channels}) with its
   * conversions, conversion value and nulls. The fast path for engines that count paths as code
   * sequences (cx-spark's journeys); {@link #builder()} parses names instead.
   *
   * @param channels the channel names, distinct and not blank; a channel's index is its code
   * @param offsets {@code size() + 1} increasing offsets into {@code touches}, from 0 to {@code
   *     touches.length} (every path has at least one touch)
   * @throws IllegalArgumentException if a name is blank or repeated, the offsets are not as
   *     described, a code is outside {@code channels}, the count columns differ in length from the
   *     paths, or a count or value is negative or not finite, naming the row and the value
   */
  public static PathData ofColumns(
      List<String> channels,
      int[] offsets,
      int[] touches,
      long[] conversions,
      double[] value,
      long[] nulls) {
    List<String> names = List.copyOf(channels);
    checkArgument(
        new java.util.HashSet<>(names).size() == names.size(),
        "channel names must be distinct, got %s",
        names);
    for (String name : names) {
      checkArgument(!name.isBlank(), "blank channel name in %s", names);
    }
    int rows = offsets.length - 1;
    checkArgument(rows >= 0, "offsets must hold at least one entry (0), got none");
    checkArgument(
        conversions.length == rows && value.length == rows && nulls.length == rows,
        "count columns must have one entry per path (%s): conversions %s, value %s, nulls %s",
        rows,
        conversions.length,
        value.length,
        nulls.length);
    checkArgument(
        offsets[0] == 0 && offsets[rows] == touches.length,
        "offsets must run from 0 to touches.length %s, got %s to %s",
        touches.length,
        offsets[0],
        offsets[rows]);
    for (int i = 0; i < rows; i++) {
      if (offsets[i + 1] <= offsets[i]) {
        throw new IllegalArgumentException(
            "path "
                + i
                + " is empty or has decreasing offsets "
                + offsets[i]
                + ", "
                + offsets[i + 1]);
      }
      Builder.checkCounts(conversions[i], value[i], nulls[i]);
    }
    for (int k = 0; k < touches.length; k++) {
      if (touches[k] < 0 || touches[k] >= names.size()) {
        throw new IllegalArgumentException(
            "touches["
                + k
                + "] = "
                + touches[k]
                + " is outside the channels [0, "
                + names.size()
                + ")");
      }
    }
    return new PathData(
        names, offsets.clone(), touches.clone(), conversions.clone(), value.clone(), nulls.clone());
  }

  /** Returns the channel names; a channel's index in this list is its code. */
  public List<String> channels() {
    return channels;
  }

  /** Returns the number of path rows. */
  public int size() {
    return conversions.length;
  }

  /** Returns the number of touches of path {@code i}. */
  public int length(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** Returns the channel code of touch {@code k} of path {@code i}. */
  public int touch(int i, int k) {
    return touches[offsets[i] + k];
  }

  /** Returns the journeys that followed path {@code i} and converted. */
  public long conversions(int i) {
    return conversions[i];
  }

  /** Returns the conversion value of path {@code i}. */
  public double value(int i) {
    return value[i];
  }

  /** Returns the journeys that followed path {@code i} and did not convert. */
  public long nulls(int i) {
    return nulls[i];
  }

  /** Returns the total conversions. */
  public long totalConversions() {
    return totalConversions;
  }

  /**
   * Returns the total conversion value: the compensated sum of the values of the paths with at
   * least one conversion. Every attribution model distributes exactly this total (up to rounding);
   * values on paths without conversions are not conversion value and are left out (see {@link
   * #nonConvertingValue()}).
   */
  public double totalValue() {
    return totalValue;
  }

  /**
   * Returns the value carried by paths with no conversion, which no model attributes (0 for data
   * read from journeys, where only converted journeys have a value).
   */
  public double nonConvertingValue() {
    return nonConvertingValue;
  }

  /** Returns the total journeys that did not convert. */
  public long totalNulls() {
    return totalNulls;
  }

  int[] offsetsArray() {
    return offsets;
  }

  int[] touchesArray() {
    return touches;
  }

  @Override
  public String toString() {
    return "PathData["
        + size()
        + " paths, "
        + channels.size()
        + " channels, "
        + totalConversions()
        + " conversions, "
        + totalNulls()
        + " nulls]";
  }

  /** Builds {@link PathData} row by row. Not thread-safe. */
  public static final class Builder {
    /** What separates channels once blanks around it are trimmed (" > " splits on ">"). */
    private final String splitOn;

    private final ChannelDictionary dictionary = new ChannelDictionary();
    private int[] offsets = new int[16];
    private int[] touches = new int[64];
    private long[] conversions = new long[16];
    private double[] value = new double[16];
    private long[] nulls = new long[16];
    private int rows;
    private int used;

    private Builder(String separator) {
      Objects.requireNonNull(separator, "separator");
      checkArgument(!separator.isEmpty(), "separator must not be empty");
      this.splitOn = separator.trim().isEmpty() ? separator : separator.trim();
    }

    /**
     * Adds a row from a path string such as {@code "search > email > direct"}; channel names are
     * trimmed.
     *
     * @throws IllegalArgumentException if the path is empty, a channel name is empty, or a count or
     *     the value is negative or not finite
     */
    public Builder add(String path, long conversions, double value, long nulls) {
      Objects.requireNonNull(path, "path");
      checkArgument(!path.isBlank(), "empty path (conversions %s, nulls %s)", conversions, nulls);
      checkCounts(conversions, value, nulls);
      // Tokens are located by indexOf and looked up by their character range: no regex, no
      // substring per touch (this runs once per path row, millions of times).
      int before = used;
      int from = 0;
      int len = path.length();
      while (true) {
        int at = path.indexOf(splitOn, from);
        int end = at < 0 ? len : at;
        int s = from;
        int e = end;
        while (s < e && Character.isWhitespace(path.charAt(s))) {
          s++;
        }
        while (e > s && Character.isWhitespace(path.charAt(e - 1))) {
          e--;
        }
        if (s == e) {
          used = before;
          throw new IllegalArgumentException("path '" + path + "' has an empty channel name");
        }
        if (used == touches.length) {
          touches = Arrays.copyOf(touches, touches.length * 2);
        }
        touches[used++] = dictionary.code(path, s, e);
        if (at < 0) {
          break;
        }
        from = at + splitOn.length();
      }
      return endRow(conversions, value, nulls);
    }

    /**
     * Adds a row from a list of channel names, trimmed; a name may contain the separator (the list
     * is not joined and split again).
     *
     * @throws IllegalArgumentException if the list is empty, a name is blank, or a count or the
     *     value is negative or not finite
     */
    public Builder add(List<String> path, long conv, double val, long nul) {
      checkArgument(!path.isEmpty(), "empty path (conversions %s, nulls %s)", conv, nul);
      checkCounts(conv, val, nul);
      for (String name : path) {
        Objects.requireNonNull(name, "channel name");
        String c = name.trim();
        checkArgument(!c.isEmpty(), "blank channel name in path %s", path);
      }
      if (used + path.size() > touches.length) {
        touches = Arrays.copyOf(touches, Math.max(touches.length * 2, used + path.size()));
      }
      for (String name : path) {
        String c = name.trim();
        touches[used++] = dictionary.code(c, 0, c.length());
      }
      return endRow(conv, val, nul);
    }

    /** Adds a path of channel codes given by this builder's dictionary. */
    private Builder addCodes(int[] path, int n, long conv, double val, long nul) {
      checkCounts(conv, val, nul);
      if (used + n > touches.length) {
        touches = Arrays.copyOf(touches, Math.max(touches.length * 2, used + n));
      }
      System.arraycopy(path, 0, touches, used, n);
      used += n;
      return endRow(conv, val, nul);
    }

    private static void checkCounts(long conv, double val, long nul) {
      checkArgument(conv >= 0, "conversions must be >= 0, got %s", conv);
      checkArgument(nul >= 0, "nulls must be >= 0, got %s", nul);
      checkArgument(
          Double.isFinite(val) && val >= 0,
          "conversion value must be finite and >= 0, got %s",
          val);
    }

    private Builder endRow(long conv, double val, long nul) {
      if (rows + 2 > offsets.length) {
        int cap = offsets.length * 2;
        offsets = Arrays.copyOf(offsets, cap);
        this.conversions = Arrays.copyOf(this.conversions, cap);
        this.value = Arrays.copyOf(this.value, cap);
        this.nulls = Arrays.copyOf(this.nulls, cap);
      }
      this.conversions[rows] = conv;
      this.value[rows] = val;
      this.nulls[rows] = nul;
      rows++;
      offsets[rows] = used;
      return this;
    }

    /** Returns the path data. */
    public PathData build() {
      return new PathData(
          dictionary.names(),
          Arrays.copyOf(offsets, rows + 1),
          Arrays.copyOf(touches, used),
          Arrays.copyOf(conversions, rows),
          Arrays.copyOf(value, rows),
          Arrays.copyOf(nulls, rows));
    }
  }
}
