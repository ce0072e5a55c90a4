package org.cx4j.report.input;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.weighting.Raking;
import org.cx4j.metrics.weighting.RakingResult;

/**
 * Rakes a report's survey responses to population margins ({@code --rake margins.csv}), so that
 * NPS, CSAT and CES speak for the customer base rather than for who answered.
 *
 * <p>The margins file is CSV with the header {@code variable,category,target}: one row per
 * category, targets as population counts or shares (every variable must have the same total). A
 * variable is {@code segment} (the report's segmentation), {@code channel}, {@code touchpoint} or
 * {@code stage} (of the response), or any customer attribute ({@code plan}, {@code country}, a
 * column of the customers file). Each instrument's responses (NPS, CSAT, CES, ...) are raked
 * separately, as separate samples of the same population, starting from their own weights; a
 * response whose variable has no value, or a category without a target, is an input error naming
 * them ({@link Raking}).
 */
public final class ResponseRaking {

  private static final CsvMapper CSV = new CsvMapper();

  private final Raking raking;
  private final String source;

  private ResponseRaking(Raking raking, String source) {
    this.raking = raking;
    this.source = source;
  }

  /**
   * Reads a margins file.
   *
   * @throws IllegalArgumentException if a row is malformed or the margins are inconsistent (the
   *     file, line and value are named)
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ResponseRaking read(Path margins) {
    Objects.requireNonNull(margins, "margins");
    String name = ReportInput.fileName(margins.toString());
    Map<String, Map<String, Double>> targets = new LinkedHashMap<>();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> it =
        CSV.readerFor(Map.class).with(schema).readValues(margins.toFile())) {
      int line = 1;
      while (it.hasNext()) {
        line++;
        Map<String, String> row = it.next();
        String variable = trimmed(row.get("variable"));
        String category = trimmed(row.get("category"));
        String target = trimmed(row.get("target"));
        if (variable == null || category == null || target == null) {
          throw new IllegalArgumentException(
              name
                  + ":"
                  + line
                  + ": a margins row needs "
                  + "variable, category and target (header variable,category,target), got "
                  + row);
        }
        double t;
        try {
          t = Double.parseDouble(target);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              name
                  + ":"
                  + line
                  + ": target '"
                  + target
                  + "' of "
                  + variable
                  + "="
                  + category
                  + " is not a number");
        }
        if (targets.computeIfAbsent(variable, v -> new LinkedHashMap<>()).put(category, t)
            != null) {
          throw new IllegalArgumentException(
              name + ":" + line + ": " + variable + "=" + category + " is given twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the margins file " + margins, e);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException(
          name
              + ": not a margins file (CSV with the header "
              + "variable,category,target): "
              + e.getMessage(),
          e);
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(
          name + ": no margins (expected rows of " + "variable,category,target)");
    }
    Raking.Builder b = Raking.builder().trimAt();
    try {
      targets.forEach(b::margin);
      return new ResponseRaking(b.build(), name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  private static String trimmed(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** The raked input and what raking did, one line per instrument. */
  public record Result(ReportInput input, List<String> notes) {}

  /**
   * Returns {@code in} with every response's weight raked to the margins, and a note per instrument
   * (iterations, design effect and effective n before and after).
   *
   * @throws IllegalArgumentException if a response lacks a variable, a category has no target, or
   *     raking does not converge (the variable and category are named)
   */
  public Result apply(ReportInput in) {
    Map<CustomerId, Customer> customers = new HashMap<>();
    for (Customer c : in.customers()) {
      customers.put(c.id(), c);
    }
    Map<Instrument, List<Integer>> byInstrument = new LinkedHashMap<>();
    List<SurveyResponse> responses = in.responses();
    for (int i = 0; i < responses.size(); i++) {
      byInstrument.computeIfAbsent(responses.get(i).instrument(), k -> new ArrayList<>()).add(i);
    }
    SurveyResponse[] out = responses.toArray(new SurveyResponse[0]);
    List<String> notes = new ArrayList<>();
    for (Map.Entry<Instrument, List<Integer>> e : byInstrument.entrySet()) {
      List<Integer> idx = e.getValue();
      List<Map<String, String>> vars = new ArrayList<>(idx.size());
      double[] base = new double[idx.size()];
      for (int k = 0; k < idx.size(); k++) {
        SurveyResponse r = responses.get(idx.get(k));
        vars.add(variables(r, customers.get(r.customer()), in));
        base[k] = r.weight();
      }
      RakingResult result;
      try {
        result = raking.rake(vars, base);
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException(
            "raking the " + e.getKey().name() + " responses to " + source + ": " + ex.getMessage(),
            ex);
      }
      double[] w = result.weights();
      for (int k = 0; k < idx.size(); k++) {
        SurveyResponse r = out[idx.get(k)];
        out[idx.get(k)] =
            new SurveyResponse(
                r.customer(),
                r.touchpoint(),
                r.instrument(),
                r.score(),
                r.timestamp(),
                w[k],
                r.comment());
      }
      notes.add(
          String.format(
              Locale.ROOT,
              "%s responses were raked to %s (%s) in %d sweep%s: "
                  + "design effect %.2f, effective n %.0f of %d (before: %.2f, %.0f)%s.",
              e.getKey().name().toUpperCase(Locale.ROOT),
              source,
              String.join(", ", raking.margins().keySet()),
              result.iterations(),
              result.iterations() == 1 ? "" : "s",
              result.designEffectAfter(),
              result.effectiveSampleSizeAfter(),
              idx.size(),
              result.designEffectBefore(),
              result.effectiveSampleSizeBefore(),
              result.weightsAtCap() == 0
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      "; %d weights trimmed at %.1f x the mean",
                      result.weightsAtCap(),
                      result.trimMultiplier())));
    }
    ReportInput raked =
        new ReportInput(
            in.name(),
            in.customers(),
            in.segmentation(),
            in.stages(),
            in.interactions(),
            List.of(out),
            in.transactions(),
            in.reads());
    return new Result(raked, notes);
  }

  /** The raking variables of one response; a variable without a value is left out. */
  private Map<String, String> variables(SurveyResponse r, Customer c, ReportInput in) {
    Map<String, String> v = new HashMap<>();
    for (String name : raking.margins().keySet()) {
      String value =
          switch (name) {
            case "segment" -> c == null ? null : in.segmentation().assign(c);
            case "channel" -> r.touchpoint() == null ? null : r.touchpoint().channel().name();
            case "touchpoint" -> r.touchpoint() == null ? null : r.touchpoint().id();
            case "stage" -> r.touchpoint() == null ? null : r.touchpoint().stage().name();
            default -> c == null ? null : c.attribute(name).orElse(null);
          };
      if (value != null) {
        v.put(name, value);
      }
    }
    return v;
  }

  @Override
  public String toString() {
    return "ResponseRaking[" + source + ": " + raking + "]";
  }
}
