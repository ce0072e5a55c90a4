package org.cx4j.core.customer;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A declarative rule over customer attributes that decides segment membership.
 *
 * <p>The rule types form a closed (sealed) set so that a segment definition can be stored as JSON
 * and read back: each has a named type id in the {@code "type"} property ({@code equals}, {@code
 * in}, {@code range}, {@code and}, {@code or}, {@code not}, {@code all}). There is no polymorphic
 * default typing: only these names are accepted when reading.
 *
 * <p>{@link Custom} wraps a plain Java {@link Predicate} for rules the declarative types cannot
 * express. It is <em>not serializable</em>: writing it to JSON throws an exception that names the
 * rule's description.
 *
 * <p>A rule over an attribute the customer does not have is false (for {@link Not}, true).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SegmentRule.All.class, name = "all"),
  @JsonSubTypes.Type(value = SegmentRule.Equals.class, name = "equals"),
  @JsonSubTypes.Type(value = SegmentRule.In.class, name = "in"),
  @JsonSubTypes.Type(value = SegmentRule.Range.class, name = "range"),
  @JsonSubTypes.Type(value = SegmentRule.And.class, name = "and"),
  @JsonSubTypes.Type(value = SegmentRule.Or.class, name = "or"),
  @JsonSubTypes.Type(value = SegmentRule.Not.class, name = "not")
})
public sealed interface SegmentRule {

  /**
   * The deepest nesting of rules accepted: 64 levels, where a leaf rule ({@code equals}, {@code
   * in}, {@code range}, {@code all}, a custom rule) is 1 and {@code and}, {@code or} and {@code
   * not} add one to their deepest rule. A deeper rule is refused when it is built, so that reading
   * one from JSON (a config file with thousands of nested rules), testing and printing it never
   * overflow the stack; real segment definitions are a few levels deep.
   */
  int MAX_DEPTH = 64;

  /**
   * Returns whether {@code customer} satisfies this rule.
   *
   * @throws NullPointerException if {@code customer} is null
   */
  boolean test(Customer customer);

  /** Returns the rule that every customer satisfies. */
  static SegmentRule all() {
    return All.INSTANCE;
  }

  /** Returns {@code attribute == value}. */
  static SegmentRule equals(String attribute, String value) {
    return new Equals(attribute, value);
  }

  /** Returns {@code attribute in values}. */
  static SegmentRule in(String attribute, String... values) {
    return new In(attribute, Set.of(values));
  }

  /** Returns {@code min <= attribute <= max}; either bound may be null for an open end. */
  static SegmentRule range(String attribute, String min, String max) {
    return new Range(attribute, min, max);
  }

  /** Returns the conjunction of {@code rules}. */
  static SegmentRule and(SegmentRule... rules) {
    return new And(List.of(rules));
  }

  /** Returns the disjunction of {@code rules}. */
  static SegmentRule or(SegmentRule... rules) {
    return new Or(List.of(rules));
  }

  /** Returns the negation of {@code rule}. */
  static SegmentRule not(SegmentRule rule) {
    return new Not(rule);
  }

  /**
   * Returns a rule backed by a Java predicate. Not serializable: see {@link Custom}.
   *
   * @param description a human-readable description, used in {@code toString()} and errors
   */
  static SegmentRule custom(String description, Predicate<Customer> predicate) {
    return new Custom(description, predicate);
  }

  /** The rule every customer satisfies (the catch-all segment). */
  @JsonTypeName("all")
  record All() implements SegmentRule {
    static final All INSTANCE = new All();

    @Override
    public boolean test(Customer customer) {
      Objects.requireNonNull(customer, "customer");
      return true;
    }

    @Override
    public String toString() {
      return "all";
    }
  }

  /**
   * The attribute equals the value (exact, case-sensitive string comparison).
   *
   * @param attribute the attribute name, see {@link Customer#attribute(String)}
   * @param value the value to match
   */
  record Equals(String attribute, String value) implements SegmentRule {
    /** Validates the arguments. @throws NullPointerException if either is null */
    public Equals {
      requireAttribute(attribute);
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean test(Customer customer) {
      return customer.attribute(attribute).map(value::equals).orElse(false);
    }

    @Override
    public String toString() {
      return attribute + " = '" + value + "'";
    }
  }

  /**
   * The attribute is one of the values.
   *
   * @param attribute the attribute name
   * @param values the accepted values; non-empty, copied and sorted
   */
  record In(String attribute, Set<String> values) implements SegmentRule {
    /**
     * Validates and copies the values.
     *
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public In {
      requireAttribute(attribute);
      Objects.requireNonNull(values, "values");
      checkArgument(!values.isEmpty(), "'in' rule on '%s' needs at least one value", attribute);
      values = java.util.Collections.unmodifiableSet(new TreeSet<>(values));
    }

    @Override
    public boolean test(Customer customer) {
      return customer.attribute(attribute).map(values::contains).orElse(false);
    }

    @Override
    public String toString() {
      return attribute + " in " + values;
    }
  }

  /**
   * The attribute lies in {@code [min, max]} (both inclusive; a null bound is open).
   *
   * <p>When the attribute and the bounds all parse as numbers they are compared as numbers;
   * otherwise as strings, which orders ISO-8601 dates ({@code 2024-01-31}) correctly.
   *
   * @param attribute the attribute name
   * @param min the lower bound, or null
   * @param max the upper bound, or null
   */
  record Range(String attribute, String min, String max) implements SegmentRule {
    /**
     * Validates the bounds.
     *
     * @throws IllegalArgumentException if both bounds are null, or {@code min > max}
     */
    public Range {
      requireAttribute(attribute);
      checkArgument(min != null || max != null, "range on '%s' needs a min or a max", attribute);
      if (min != null && max != null) {
        checkArgument(
            compare(min, max) <= 0,
            "range on '%s' has min '%s' greater than max '%s'",
            attribute,
            min,
            max);
      }
    }

    @Override
    public boolean test(Customer customer) {
      Optional<String> v = customer.attribute(attribute);
      if (v.isEmpty()) {
        return false;
      }
      String x = v.get();
      return (min == null || compare(min, x) <= 0) && (max == null || compare(x, max) <= 0);
    }

    private static int compare(String a, String b) {
      Double da = number(a);
      Double db = number(b);
      return da != null && db != null ? Double.compare(da, db) : a.compareTo(b);
    }

    private static Double number(String s) {
      try {
        double d = Double.parseDouble(s.trim());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      return (min == null ? "" : "'" + min + "' <= ")
          + attribute
          + (max == null ? "" : " <= '" + max + "'");
    }
  }

  /**
   * All of the rules hold.
   *
   * @param rules the conjuncts; non-empty
   */
  record And(List<SegmentRule> rules) implements SegmentRule {
    /**
     * Validates and copies. @throws IllegalArgumentException if {@code rules} is empty or the rule
     * would nest deeper than {@link #MAX_DEPTH}
     */
    public And {
      rules = List.copyOf(rules);
      checkArgument(!rules.isEmpty(), "'and' needs at least one rule");
      checkDepth("and", rules);
    }

    @Override
    public boolean test(Customer customer) {
      for (SegmentRule r : rules) {
        if (!r.test(customer)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return join(rules, " and ");
    }
  }

  /**
   * At least one of the rules holds.
   *
   * @param rules the disjuncts; non-empty
   */
  record Or(List<SegmentRule> rules) implements SegmentRule {
    /**
     * Validates and copies. @throws IllegalArgumentException if {@code rules} is empty or the rule
     * would nest deeper than {@link #MAX_DEPTH}
     */
    public Or {
      rules = List.copyOf(rules);
      checkArgument(!rules.isEmpty(), "'or' needs at least one rule");
      checkDepth("or", rules);
    }

    @Override
    public boolean test(Customer customer) {
      for (SegmentRule r : rules) {
        if (r.test(customer)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return join(rules, " or ");
    }
  }

  /**
   * The rule does not hold.
   *
   * @param rule the negated rule
   */
  record Not(SegmentRule rule) implements SegmentRule {
    /**
     * Validates. @throws NullPointerException if {@code rule} is null @throws
     * IllegalArgumentException if the rule would nest deeper than {@link #MAX_DEPTH}
     */
    public Not {
      Objects.requireNonNull(rule, "rule");
      checkDepth("not", List.of(rule));
    }

    @Override
    public boolean test(Customer customer) {
      return !rule.test(customer);
    }

    @Override
    public String toString() {
      return "not (" + rule + ")";
    }
  }

  /**
   * A rule backed by an arbitrary Java predicate: the escape hatch for logic the declarative rules
   * cannot express. <strong>Not serializable</strong>: writing it to JSON throws a {@link
   * com.fasterxml.jackson.databind.JsonMappingException} naming the description, because a
   * predicate's code cannot be stored as data.
   *
   * @param description human-readable description
   * @param predicate the predicate
   */
  @JsonSerialize(using = Custom.Refuse.class)
  record Custom(String description, Predicate<Customer> predicate) implements SegmentRule {
    /** Validates. @throws NullPointerException if either argument is null */
    public Custom {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(predicate, "predicate");
    }

    @Override
    public boolean test(Customer customer) {
      return predicate.test(Objects.requireNonNull(customer, "customer"));
    }

    @Override
    public String toString() {
      return "custom(" + description + ")";
    }

    /** Refuses to serialize a Java predicate, with a message that says which rule. */
    static final class Refuse extends JsonSerializer<Custom> {
      @Override
      public void serialize(Custom value, JsonGenerator gen, SerializerProvider serializers)
          throws IOException {
        throw fail(value, serializers);
      }

      @Override
      public void serializeWithType(
          Custom value, JsonGenerator gen, SerializerProvider serializers, TypeSerializer ts)
          throws IOException {
        throw fail(value, serializers);
      }

      private static IOException fail(Custom value, SerializerProvider serializers) {
        return com.fasterxml.jackson.databind.JsonMappingException.from(
            serializers,
            "segment rule custom("
                + value.description()
                + ") wraps a Java predicate and cannot be serialized; "
                + "use the declarative rules (equals, in, range, and, or, not) instead");
      }
    }
  }

  /** Returns how deeply {@code rule} nests: 1 for a leaf, 1 + its deepest rule otherwise. */
  private static int depth(SegmentRule rule) {
    // Children were checked when built, so this recursion is at most MAX_DEPTH deep.
    if (rule instanceof And a) {
      return 1 + maxDepth(a.rules());
    }
    if (rule instanceof Or o) {
      return 1 + maxDepth(o.rules());
    }
    if (rule instanceof Not n) {
      return 1 + depth(n.rule());
    }
    return 1;
  }

  private static int maxDepth(List<SegmentRule> rules) {
    int d = 0;
    for (SegmentRule r : rules) {
      d = Math.max(d, depth(Objects.requireNonNull(r, "rule")));
    }
    return d;
  }

  private static void checkDepth(String op, List<SegmentRule> rules) {
    int depth = 1 + maxDepth(rules);
    checkArgument(
        depth <= MAX_DEPTH,
        "segment rules nest at most %s levels deep, and this '%s' would be %s deep: flatten the "
            + "rules (one 'and' with several rules, rather than an 'and' inside an 'and')",
        MAX_DEPTH,
        op,
        depth);
  }

  private static void requireAttribute(String attribute) {
    Objects.requireNonNull(attribute, "attribute");
    checkArgument(!attribute.isBlank(), "attribute name must not be blank");
  }

  private static String join(List<SegmentRule> rules, String op) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < rules.size(); i++) {
      if (i > 0) {
        sb.append(op);
      }
      sb.append(rules.get(i));
    }
    return sb.append(')').toString();
  }
}
