package org.cx4j.journey.log;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.cx4j.journey.internal.StringCodeTable;

/**
 * A columnar store of interactions: one primitive array per field, in arrival order, with
 * dictionaries for the repeated values. Event {@code i} is customer {@code customers().get(
 * customerCode(i))} meeting touchpoint {@code dictionary().touchpoint(touchpointCode(i))} at {@code
 * epochMillis(i)}, with outcome code {@code outcomeCode(i)} ({@code -1} for none) and journey-id
 * code {@code journeyCode(i)} ({@code -1} for none).
 *
 * <p>Why columnar: ten million events as objects cost about a gigabyte; as columns ({@code int}
 * customer, {@code long} millis, {@code int} touchpoint, {@code short} outcome) they cost 18 bytes
 * each, and rebuilding journeys sorts and permutes primitive arrays only.
 *
 * <p>Of the interactions' free-form attributes, only those named in {@link Builder#attributes} are
 * kept, each as a dictionary-encoded {@code int} column ({@code -1} where absent). Immutable and
 * thread-safe; the arrays are shared only through {@link #columns()}, read-only by contract.
 */
public final class InteractionLog {

  private final List<CustomerId> customers; // immutable
  private volatile Map<CustomerId, Integer> customerIndex; // customerCode(), made on first call
  private final int[] customer;
  private final long[] millis;
  private final TouchpointDictionary dictionary;
  private final int[] touchpoint;
  private final ImmutableList<Outcome> outcomes;
  private final short[] outcome; // null when no event has an outcome
  private final List<String> journeyIds; // immutable
  private final int[] journey; // null when no event has a journey id
  private final ImmutableList<String> attributeNames;
  private final int[][]
      attributes; // attributes[a][i]: value code of attribute a at event i, -1 absent
  private final ImmutableList<ImmutableList<String>> attributeValues;

  private InteractionLog(
      List<CustomerId> customers,
      int[] customer,
      long[] millis,
      TouchpointDictionary dictionary,
      int[] touchpoint,
      List<Outcome> outcomes,
      short[] outcome,
      List<String> journeyIds,
      int[] journey,
      List<String> attributeNames,
      int[][] attributes,
      List<List<String>> attributeValues) {
    this.customers = immutable(customers);
    this.customer = customer;
    this.millis = millis;
    this.dictionary = dictionary;
    this.touchpoint = touchpoint;
    this.outcomes = ImmutableList.copyOf(outcomes);
    this.outcome = outcome;
    this.journeyIds = immutable(journeyIds);
    this.journey = journey;
    this.attributeNames = ImmutableList.copyOf(attributeNames);
    this.attributes = attributes;
    ImmutableList.Builder<ImmutableList<String>> vb = ImmutableList.builder();
    for (List<String> v : attributeValues) {
      vb.add(ImmutableList.copyOf(v));
    }
    this.attributeValues = vb.build();
  }

  /** The list itself when it is a code table's key list (immutable already), else a copy. */
  private static <T> List<T> immutable(List<T> list) {
    return list instanceof StringCodeTable.Keys ? list : ImmutableList.copyOf(list);
  }

  static final Instant MIN_INSTANT = Instant.ofEpochMilli(Long.MIN_VALUE);
  static final Instant MAX_INSTANT = Instant.ofEpochMilli(Long.MAX_VALUE);

  private static long toMillisSaturated(Instant t) {
    return t.isAfter(MAX_INSTANT)
        ? Long.MAX_VALUE
        : t.isBefore(MIN_INSTANT) ? Long.MIN_VALUE : t.toEpochMilli();
  }

  /** Returns a builder that rejects unknown touchpoints unless told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a log over primitive columns (copied), without outcomes or journey ids: the fast path
   * for generated or already-encoded data.
   *
   * @param customers the customer dictionary; {@code customerCodes[i]} indexes it
   * @param customerCodes the customer of each event
   * @param epochMillis the time of each event, milliseconds since the epoch
   * @param touchpoints the touchpoint dictionary; {@code touchpointCodes[i]} indexes it
   * @param touchpointCodes the touchpoint of each event
   * @param notAfter the latest acceptable time ({@code Instant.now()} for real data); later
   *     timestamps are rejected as coming from the future
   * @throws IllegalArgumentException if the columns differ in length, a code is outside its
   *     dictionary, or a timestamp is after {@code notAfter}, naming the event and the value
   */
  public static InteractionLog ofColumns(
      List<CustomerId> customers,
      int[] customerCodes,
      long[] epochMillis,
      TouchpointDictionary touchpoints,
      int[] touchpointCodes,
      Instant notAfter) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(touchpoints, "touchpoints");
    Objects.requireNonNull(notAfter, "notAfter");
    int n = customerCodes.length;
    checkArgument(
        epochMillis.length == n && touchpointCodes.length == n,
        "columns must have equal lengths: customerCodes %s, epochMillis %s, touchpointCodes %s",
        n,
        epochMillis.length,
        touchpointCodes.length);
    long limit = toMillisSaturated(notAfter);
    int nc = customers.size();
    int nt = touchpoints.size();
    for (int i = 0; i < n; i++) {
      int c = customerCodes[i];
      int t = touchpointCodes[i];
      if (c < 0 || c >= nc) {
        throw new IllegalArgumentException(
            "customerCodes["
                + i
                + "] = "
                + c
                + " is outside the customer dictionary [0, "
                + nc
                + ")");
      }
      if (t < 0 || t >= nt) {
        throw new IllegalArgumentException(
            "touchpointCodes["
                + i
                + "] = "
                + t
                + " is outside the touchpoint dictionary [0, "
                + nt
                + ")");
      }
      if (epochMillis[i] > limit) {
        throw new IllegalArgumentException(
            "epochMillis["
                + i
                + "] = "
                + Instant.ofEpochMilli(epochMillis[i])
                + " is in the future (after "
                + notAfter
                + ")");
      }
    }
    return new InteractionLog(
        customers,
        customerCodes.clone(),
        epochMillis.clone(),
        touchpoints,
        touchpointCodes.clone(),
        List.of(),
        null,
        List.of(),
        null,
        List.of(),
        new int[0][],
        List.of());
  }

  /**
   * Returns a log over primitive columns (copied) with outcomes, without journey ids: the fast path
   * for engines that decode rows straight into columns (cx-spark's journeys).
   *
   * @param customers the customer dictionary; {@code customerCodes[i]} indexes it
   * @param customerCodes the customer of each event
   * @param epochMillis the time of each event, milliseconds since the epoch
   * @param touchpoints the touchpoint dictionary; {@code touchpointCodes[i]} indexes it
   * @param touchpointCodes the touchpoint of each event
   * @param outcomes the outcome dictionary (at most {@value Short#MAX_VALUE} outcomes); {@code
   *     outcomeCodes[i]} indexes it, {@code -1} for an event without outcome
   * @param outcomeCodes the outcome of each event, or null when no event has one
   * @param notAfter the latest acceptable time ({@code Instant.now()} for real data); later
   *     timestamps are rejected as coming from the future
   * @throws IllegalArgumentException if the columns differ in length, a code is outside its
   *     dictionary, an outcome is repeated in the dictionary, or a timestamp is after {@code
   *     notAfter}, naming the event and the value
   */
  public static InteractionLog ofColumns(
      List<CustomerId> customers,
      int[] customerCodes,
      long[] epochMillis,
      TouchpointDictionary touchpoints,
      int[] touchpointCodes,
      List<Outcome> outcomes,
      short[] outcomeCodes,
      Instant notAfter) {
    Objects.requireNonNull(outcomes, "outcomes");
    checkArgument(
        outcomes.size() <= Short.MAX_VALUE,
        "more than %s distinct outcomes: %s",
        Short.MAX_VALUE,
        outcomes.size());
    checkArgument(
        new java.util.HashSet<>(outcomes).size() == outcomes.size(),
        "outcomes must be distinct, got %s",
        outcomes);
    InteractionLog log =
        ofColumns(customers, customerCodes, epochMillis, touchpoints, touchpointCodes, notAfter);
    if (outcomeCodes == null) {
      return log;
    }
    int n = customerCodes.length;
    checkArgument(
        outcomeCodes.length == n,
        "columns must have equal lengths: customerCodes %s, outcomeCodes %s",
        n,
        outcomeCodes.length);
    int no = outcomes.size();
    for (int i = 0; i < n; i++) {
      int o = outcomeCodes[i];
      if (o < -1 || o >= no) {
        throw new IllegalArgumentException(
            "outcomeCodes["
                + i
                + "] = "
                + o
                + " is outside the outcome dictionary [-1, "
                + no
                + ")");
      }
    }
    return new InteractionLog(
        log.customers,
        log.customer,
        log.millis,
        touchpoints,
        log.touchpoint,
        outcomes,
        outcomeCodes.clone(),
        List.of(),
        null,
        List.of(),
        new int[0][],
        List.of());
  }

  /** Returns the number of events. */
  public int size() {
    return millis.length;
  }

  /** Returns whether the log has no events. */
  public boolean isEmpty() {
    return millis.length == 0;
  }

  /** Returns the customer dictionary. */
  public List<CustomerId> customers() {
    return customers;
  }

  /**
   * Returns the code of customer {@code id} ({@code customers().indexOf(id)} without a scan), or -1
   * when the log has no event of it. A log from the builder looks the id up in the builder's hash
   * table, kept; another makes a hash map of its customers on the first call.
   *
   * @throws NullPointerException if {@code id} is null
   */
  public int customerCode(CustomerId id) {
    Objects.requireNonNull(id, "id");
    if (customers instanceof StringCodeTable.Keys<?> keys && keys.indexed()) {
      return keys.codeOf(id.value());
    }
    Map<CustomerId, Integer> index = customerIndex;
    if (index == null) {
      index = new HashMap<>(2 * customers.size());
      for (int c = customers.size() - 1; c >= 0; c--) {
        index.put(customers.get(c), c); // the first code of an id listed twice
      }
      customerIndex = index; // built whole, then published (volatile)
    }
    return index.getOrDefault(id, -1);
  }

  /** Returns the touchpoint dictionary. */
  public TouchpointDictionary dictionary() {
    return dictionary;
  }

  /** Returns the outcome dictionary; outcome code {@code k} is {@code outcomes().get(k)}. */
  public List<Outcome> outcomes() {
    return outcomes;
  }

  /** Returns the journey-id dictionary; journey code {@code k} is {@code journeyIds().get(k)}. */
  public List<String> journeyIds() {
    return journeyIds;
  }

  /** Returns whether any event carries an explicit journey id. */
  public boolean hasJourneyIds() {
    return journey != null;
  }

  /** Returns the customer code of event {@code i}. */
  public int customerCode(int i) {
    return customer[i];
  }

  /** Returns the time of event {@code i} in milliseconds since the epoch. */
  public long epochMillis(int i) {
    return millis[i];
  }

  /** Returns the touchpoint code of event {@code i}. */
  public int touchpointCode(int i) {
    return touchpoint[i];
  }

  /** Returns the outcome code of event {@code i}, {@code -1} for none. */
  public int outcomeCode(int i) {
    return outcome == null ? -1 : outcome[i];
  }

  /** Returns the journey-id code of event {@code i}, {@code -1} for none. */
  public int journeyCode(int i) {
    return journey == null ? -1 : journey[i];
  }

  /**
   * Returns the names of the interaction attributes kept as columns (see {@link
   * Builder#attributes}).
   */
  public List<String> attributeNames() {
    return attributeNames;
  }

  /**
   * Returns the value dictionary of kept attribute number {@code a}: code {@code k} is {@code
   * attributeValues(a).get(k)}.
   *
   * @throws IndexOutOfBoundsException if {@code a} is not an attribute number
   */
  public List<String> attributeValues(int a) {
    return attributeValues.get(a);
  }

  /**
   * Returns the value code of kept attribute number {@code a} at event {@code i}, {@code -1} if
   * absent.
   */
  public int attributeCode(int a, int i) {
    return attributes[a][i];
  }

  /** Returns event {@code i} as an interaction object (for the API, not for hot loops). */
  public Interaction interaction(int i) {
    Objects.checkIndex(i, millis.length);
    int o = outcomeCode(i);
    int j = journeyCode(i);
    Map<String, String> attrs = new java.util.TreeMap<>();
    for (int a = 0; a < attributes.length; a++) {
      int c = attributes[a][i];
      if (c >= 0) {
        attrs.put(attributeNames.get(a), attributeValues.get(a).get(c));
      }
    }
    return new Interaction(
        customers.get(customer[i]),
        dictionary.touchpoint(touchpoint[i]),
        Instant.ofEpochMilli(millis[i]),
        o < 0 ? null : outcomes.get(o),
        j < 0 ? null : journeyIds.get(j),
        attrs);
  }

  /**
   * Returns a read-only handle on the internal columns (shared, not copied), for the journey
   * rebuild.
   */
  public Columns columns() {
    return new Columns(customer, millis, touchpoint, outcome, journey, attributes);
  }

  /**
   * Read-only handle on the raw columns, for engines in this module (journey rebuild). The arrays
   * are shared, not copied: callers must not modify them.
   */
  public static final class Columns {
    private final int[] customer;
    private final long[] millis;
    private final int[] touchpoint;
    private final short[] outcome;
    private final int[] journey;
    private final int[][] attributes;

    Columns(
        int[] customer,
        long[] millis,
        int[] touchpoint,
        short[] outcome,
        int[] journey,
        int[][] attributes) {
      this.customer = customer;
      this.millis = millis;
      this.touchpoint = touchpoint;
      this.outcome = outcome;
      this.journey = journey;
      this.attributes = attributes;
    }

    /** Returns the attribute value-code columns, one per kept attribute (shared; do not modify). */
    public int[][] attributes() {
      return attributes;
    }

    /** Returns the customer-code column (shared; do not modify). */
    public int[] customer() {
      return customer;
    }

    /** Returns the epoch-millis column (shared; do not modify). */
    public long[] millis() {
      return millis;
    }

    /** Returns the touchpoint-code column (shared; do not modify). */
    public int[] touchpoint() {
      return touchpoint;
    }

    /** Returns the outcome-code column, or null when no event has an outcome (shared). */
    public short[] outcome() {
      return outcome;
    }

    /** Returns the journey-id-code column, or null when no event has one (shared). */
    public int[] journey() {
      return journey;
    }
  }

  @Override
  public String toString() {
    return "InteractionLog["
        + size()
        + " events, "
        + customers.size()
        + " customers, "
        + dictionary.size()
        + " touchpoints"
        + (hasJourneyIds() ? ", " + journeyIds.size() + " journey ids" : "")
        + "]";
  }

  /**
   * Builds an {@link InteractionLog} from interactions, encoding as it goes. Single-threaded.
   *
   * <p>Unknown touchpoints (not in the catalog given to {@link #catalog}) are rejected or
   * registered according to {@link #unknownTouchpoints}; timestamps after the clock's instant are
   * rejected as coming from the future.
   */
  public static final class Builder {
    // Ids as strings in open-addressing tables (see StringCodeTable for why not a HashMap); the
    // tables keep every distinct id, so the id objects are made once, by build(): millions of
    // small objects made while reading would be copied by every young collection until old.
    private final StringCodeTable customerCodes = new StringCodeTable();
    private final Map<String, Integer> touchpointCodes = new HashMap<>();
    private final List<Touchpoint> touchpoints = new ArrayList<>();
    private final Map<Outcome, Integer> outcomeCodes = new HashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final StringCodeTable journeyCodes = new StringCodeTable();
    private UnknownTouchpoints unknown = UnknownTouchpoints.REJECT;
    private Clock clock = Clock.systemUTC();
    private Instant now = Instant.MIN; // the clock's last reading: timestamps up to it are past
    private long nowMillis = Long.MIN_VALUE; // now in epoch ms, rounded down; MIN_VALUE: none
    private boolean catalogGiven;
    private int size;
    private int[] customer = new int[16];
    private long[] millis = new long[16];
    private int[] touchpoint = new int[16];
    private short[] outcome = new short[16];
    private int[] journey = new int[16];
    private boolean anyOutcome;
    private boolean anyJourney;
    private final List<String> attributeNames = new ArrayList<>();
    private final List<Map<String, Integer>> attributeCodes = new ArrayList<>();
    private final List<List<String>> attributeValues = new ArrayList<>();
    private int[][] attributes = new int[0][];
    private String[] prefetchIds = new String[0]; // prefetch(): the ids of a batch, reused
    private int[] lastJourneys = new int[0]; // prefetch(): the customers' last journeys, reused
    private int[] journeyHashes = new int[0]; // prefetch(batch): journeys to look up, reused

    Builder() {}

    /**
     * Keeps the named interaction attributes as dictionary-encoded columns (other attributes are
     * dropped), so that analyses can group by them, e.g. {@code
     * FunnelProperty.attribute("device")}.
     *
     * @throws IllegalStateException if events were already added
     * @throws IllegalArgumentException if a name is blank or repeated
     */
    public Builder attributes(String... names) {
      if (size > 0) {
        throw new IllegalStateException("declare the kept attributes before adding interactions");
      }
      for (String n : names) {
        Objects.requireNonNull(n, "attribute name");
        checkArgument(!n.isBlank(), "attribute name must not be blank");
        checkArgument(!attributeNames.contains(n), "attribute '%s' is named twice", n);
        attributeNames.add(n);
        attributeCodes.add(new HashMap<>());
        attributeValues.add(new ArrayList<>());
      }
      attributes = new int[attributeNames.size()][millis.length];
      return this;
    }

    /**
     * Declares the known touchpoints; their codes follow the catalog's order.
     *
     * @throws IllegalStateException if events were already added
     */
    public Builder catalog(TouchpointCatalog catalog) {
      Objects.requireNonNull(catalog, "catalog");
      if (size > 0) {
        throw new IllegalStateException("declare the catalog before adding interactions");
      }
      for (Touchpoint t : catalog.touchpoints()) {
        register(t);
      }
      catalogGiven = true;
      return this;
    }

    /**
     * Sets what happens to touchpoints outside the catalog (default {@link
     * UnknownTouchpoints#REJECT}).
     */
    public Builder unknownTouchpoints(UnknownTouchpoints policy) {
      this.unknown = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the clock whose instant is "now" for the future-timestamp check (default: system UTC).
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.now = Instant.MIN;
      this.nowMillis = Long.MIN_VALUE;
      return this;
    }

    /**
     * Reads ahead, for interactions about to be {@linkplain #add(Interaction) added}, the entries
     * of the customer and journey id tables that adding them will read, and changes nothing else:
     * with millions of distinct customers, those reads miss the caches, and this lets the misses of
     * a batch overlap rather than come one at a time. Batches of a few hundred work best.
     *
     * @throws NullPointerException if {@code next} is or holds null
     */
    public Builder prefetch(List<Interaction> next) {
      int n = next.size();
      if (prefetchIds.length < n) {
        prefetchIds = new String[n];
      }
      if (lastJourneys.length < n) {
        lastJourneys = new int[n];
      }
      for (int k = 0; k < n; k++) {
        prefetchIds[k] = next.get(k).customer().value();
      }
      customerCodes.prefetch(prefetchIds, n, lastJourneys);
      // Each customer's last journey (the customer's payload) is most rows' journey: read it
      // ahead, and look up in the journey table ahead only for customers without one.
      journeyCodes.prefetchPositions(lastJourneys, n);
      for (int k = 0; k < n; k++) {
        prefetchIds[k] = lastJourneys[k] == 0 ? next.get(k).journeyId() : null;
      }
      journeyCodes.prefetch(prefetchIds, n);
      Arrays.fill(prefetchIds, 0, n, null);
      return this;
    }

    /**
     * Adds one interaction (of its attributes, those named in {@link #attributes} are kept).
     *
     * @throws NullPointerException if {@code interaction} is null
     * @throws IllegalArgumentException if its touchpoint is unknown under {@link
     *     UnknownTouchpoints#REJECT}, a known id with different channel or stage, or its timestamp
     *     is in the future
     */
    public Builder add(Interaction interaction) {
      Objects.requireNonNull(interaction, "interaction");
      int t = touchpointCode(interaction.touchpoint(), interaction);
      long ms = checkTime(interaction.timestamp(), interaction);
      CustomerId id = interaction.customer();
      int c = customerCodes.code(id.value());
      int o = outcomeCode(interaction.outcome());
      int j = -1;
      if (interaction.journeyId() != null) {
        // The customer's last journey first (its place in the journey table's arena, plus one,
        // is the customer's payload): one read where a lookup takes two.
        String jid = interaction.journeyId();
        int last = customerCodes.lastPayload();
        j = last == 0 ? -1 : journeyCodes.codeIfAt(last - 1, jid);
        if (j < 0) {
          j = journeyCodes.code(jid);
          customerCodes.setLastPayload(journeyCodes.lastPosition() + 1);
        }
        anyJourney = true;
      }
      append(c, ms, t, (short) o, j);
      for (int a = 0; a < attributeNames.size(); a++) {
        String v = interaction.attributes().get(attributeNames.get(a));
        int code = -1;
        if (v != null) {
          List<String> values = attributeValues.get(a);
          code =
              attributeCodes
                  .get(a)
                  .computeIfAbsent(
                      v,
                      k -> {
                        values.add(k);
                        return values.size() - 1;
                      });
        }
        attributes[a][size - 1] = code;
      }
      return this;
    }

    /**
     * As {@link #prefetch(List)} for rows {@code [from, to)} of a staged batch: reads ahead the
     * table entries that adding them will read, from the batch's hashes alone.
     *
     * @throws NullPointerException if {@code batch} is null
     * @throws IndexOutOfBoundsException if the range is not within the batch
     */
    public Builder prefetch(InteractionBatch batch, int from, int to) {
      Objects.checkFromToIndex(from, to, batch.size());
      int n = to - from;
      if (lastJourneys.length < n) {
        lastJourneys = new int[n];
      }
      if (journeyHashes.length < n) {
        journeyHashes = new int[n];
      }
      customerCodes.prefetch(batch.customerHashes(to), from, n, lastJourneys);
      journeyCodes.prefetchPositions(lastJourneys, n);
      int m = 0;
      for (int k = 0; k < n; k++) {
        if (lastJourneys[k] == 0 && batch.journeyAt(from + k) >= 0) {
          journeyHashes[m++] = batch.journeyHash(from + k);
        }
      }
      journeyCodes.prefetch(journeyHashes, 0, m, null);
      return this;
    }

    /**
     * Adds row {@code k} of a staged batch: exactly as {@link #add(Interaction)
     * add(batch.interaction(k))} (the same codes, checks and exceptions), reading the batch's flat
     * arrays instead of the row's objects.
     *
     * @throws NullPointerException if {@code batch} is null
     * @throws IndexOutOfBoundsException if {@code k} is not a row of the batch
     * @throws IllegalArgumentException as for {@link #add(Interaction)}
     */
    public Builder add(InteractionBatch batch, int k) {
      Interaction interaction = batch.interaction(k); // for messages only: not read here
      long ms = batch.millis(k);
      // A time before now's millisecond is before now: no need to read the row's instant. Rows
      // outside that, and builders that keep attributes (read from the row), take the row's path.
      if (!batch.flat(k) || ms >= nowMillis || !attributeNames.isEmpty()) {
        return add(interaction);
      }
      int t = touchpointCode(batch.touchpoint(k), interaction);
      char[] ids = batch.ids();
      int c =
          customerCodes.code(
              ids, batch.customerAt(k), batch.customerLength(k), batch.customerHash(k));
      int o = outcomeCode(batch.outcome(k));
      int j = -1;
      int at = batch.journeyAt(k);
      if (at >= 0) {
        int len = batch.journeyLength(k);
        int last = customerCodes.lastPayload();
        j = last == 0 ? -1 : journeyCodes.codeIfAt(last - 1, ids, at, len);
        if (j < 0) {
          j = journeyCodes.code(ids, at, len, batch.journeyHash(k));
          customerCodes.setLastPayload(journeyCodes.lastPosition() + 1);
        }
        anyJourney = true;
      }
      append(c, ms, t, (short) o, j);
      return this;
    }

    /**
     * Adds one interaction given by its customer id, touchpoint and time.
     *
     * @throws NullPointerException if an argument is null, naming it
     * @throws IllegalArgumentException as for {@link #add(Interaction)}
     */
    public Builder add(String customerId, Touchpoint touchpoint, Instant timestamp) {
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(
          touchpoint, () -> "touchpoint of interaction of customer " + customerId);
      Objects.requireNonNull(
          timestamp,
          () -> "timestamp of interaction of customer " + customerId + " at " + touchpoint.id());
      return add(Interaction.of(CustomerId.of(customerId), touchpoint, timestamp));
    }

    /**
     * Adds every interaction.
     *
     * @throws IllegalArgumentException as for {@link #add(Interaction)}
     */
    public Builder addAll(Iterable<Interaction> interactions) {
      for (Interaction i : interactions) {
        add(i);
      }
      return this;
    }

    /** Returns the log of the interactions added so far; the builder stays usable. */
    public InteractionLog build() {
      return new InteractionLog(
          customerCodes.keys(CustomerId::new, true),
          Arrays.copyOf(customer, size),
          Arrays.copyOf(millis, size),
          TouchpointDictionary.of(touchpoints),
          Arrays.copyOf(touchpoint, size),
          outcomes,
          anyOutcome ? Arrays.copyOf(outcome, size) : null,
          journeyCodes.keys(k -> k, false),
          anyJourney ? Arrays.copyOf(journey, size) : null,
          attributeNames,
          copyAttributes(),
          attributeValues);
    }

    private int[][] copyAttributes() {
      int[][] out = new int[attributes.length][];
      for (int a = 0; a < out.length; a++) {
        out[a] = Arrays.copyOf(attributes[a], size);
      }
      return out;
    }

    private long checkTime(Instant ts, Interaction i) {
      if (ts.isAfter(now)) { // only then is the clock read again: once per row costs a tenth
        now = clock.instant();
        nowMillis =
            now.isAfter(MAX_INSTANT)
                ? Long.MAX_VALUE
                : now.isBefore(MIN_INSTANT) ? Long.MIN_VALUE : now.toEpochMilli();
      }
      if (ts.isAfter(now)) {
        throw new IllegalArgumentException(
            "timestamp " + ts + " is in the future (now is " + now + "): " + i);
      }
      if (ts.isBefore(MIN_INSTANT) || ts.isAfter(MAX_INSTANT)) {
        throw new IllegalArgumentException(
            "timestamp " + ts + " does not fit epoch milliseconds in a long: " + i);
      }
      return ts.toEpochMilli();
    }

    private int touchpointCode(Touchpoint t, Interaction i) {
      Integer c = touchpointCodes.get(t.id());
      if (c != null) {
        Touchpoint known = touchpoints.get(c);
        checkArgument(
            known.channel().equals(t.channel()) && known.stage().equals(t.stage()),
            "touchpoint id '%s' is known as %s but the interaction says %s: %s",
            t.id(),
            known,
            t,
            i);
        return c;
      }
      if (catalogGiven && unknown == UnknownTouchpoints.REJECT) {
        throw new IllegalArgumentException(
            "unknown touchpoint '"
                + t.id()
                + "' (not in the catalog "
                + touchpointCodes.keySet()
                + "; use UnknownTouchpoints.REGISTER to add it): "
                + i);
      }
      return register(t);
    }

    private int register(Touchpoint t) {
      Integer prev = touchpointCodes.get(t.id());
      if (prev != null) {
        return prev;
      }
      touchpointCodes.put(t.id(), touchpoints.size());
      touchpoints.add(t);
      return touchpoints.size() - 1;
    }

    /** Returns the code of {@code o}, coding it on first sight; -1 for none. */
    private int outcomeCode(Outcome o) {
      if (o == null) {
        return -1;
      }
      Integer known = outcomeCodes.get(o); // no lambda made per row
      int code = known != null ? known : newOutcome(o);
      anyOutcome = true;
      return code;
    }

    private int newOutcome(Outcome o) {
      checkArgument(
          outcomes.size() < Short.MAX_VALUE, "more than %s distinct outcomes", Short.MAX_VALUE);
      outcomes.add(o);
      outcomeCodes.put(o, outcomes.size() - 1);
      return outcomes.size() - 1;
    }

    private void append(int c, long ms, int t, short o, int j) {
      if (size == millis.length) {
        int cap = size + (size >> 1) + 16;
        customer = Arrays.copyOf(customer, cap);
        millis = Arrays.copyOf(millis, cap);
        touchpoint = Arrays.copyOf(touchpoint, cap);
        outcome = Arrays.copyOf(outcome, cap);
        journey = Arrays.copyOf(journey, cap);
        for (int a = 0; a < attributes.length; a++) {
          attributes[a] = Arrays.copyOf(attributes[a], cap);
        }
      }
      customer[size] = c;
      millis[size] = ms;
      touchpoint[size] = t;
      outcome[size] = o;
      journey[size] = j;
      size++;
    }
  }
}
