package org.cx4j.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.metrics.score.ScoreDistribution;
import org.cx4j.report.analysis.ReportSnapshot;
import org.cx4j.report.analysis.ReportSnapshot.GroupStats;
import org.cx4j.report.analysis.ReportSnapshot.MetricStats;
import org.cx4j.report.console.SafeText;
import org.cx4j.report.html.HtmlReport;

/**
 * {@code report.json}: a report's {@link ReportSnapshot} (the sufficient statistics of its survey
 * metrics) as versioned JSON, written and read with Jackson, so that names from the data are
 * escaped whatever they hold. The schema is in the cx-report README ("report.json"); version
 * {@value #VERSION}:
 *
 * <pre>{@code
 * {"format": "cx4j-report", "version": 1, "cx4j": "...", "source": "...",
 *  "period": {"first": "2026-01-01T08:00:00Z", "last": "2026-03-31T17:00:00Z"},
 *  "metrics": [{"metric": "NPS", "measure": "...",
 *               "instrument": {"kind": "NPS", "name": "nps", "scale": {"min": 0, "max": 10}},
 *               "groups": [{"dimension": "overall", "key": "overall", "n": 120,
 *                           "effectiveSampleSize": 120.0, "score": 12.5,
 *                           "first": "...", "last": "...",
 *                           "counts": [...], "weights": [...], "weightSquares": [...]}]}]}
 * }</pre>
 *
 * <p>Readers ignore fields they do not know; a change that a version-1 reader could not ignore gets
 * a new version. {@code n}, {@code effectiveSampleSize}, {@code score} and the top-level {@code
 * period} are derived, for a person reading the file: {@code n} is checked against the counts, the
 * others are recomputed.
 */
public final class ReportJson {

  /** The value of the {@code format} field. */
  public static final String FORMAT = "cx4j-report";

  /** The schema version written, and the only one read. */
  public static final int VERSION = 1;

  /** The file name in a report folder. */
  public static final String FILE_NAME = "report.json";

  /** A report.json is a few levels deep; deeper nesting is refused by the parser. */
  static final int MAX_NESTING = 32;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
  }

  private ReportJson() {}

  /**
   * Returns {@code snapshot} as the JSON text of {@code report.json}.
   *
   * @throws IllegalArgumentException if a group's true weight sums overflow a double (weights near
   *     1e154 and above); scaled-down weights give the same estimates
   */
  public static String toJson(ReportSnapshot snapshot) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("cx4j", HtmlReport.version());
    root.put("source", snapshot.source());
    snapshot
        .period()
        .ifPresent(
            p -> {
              ObjectNode period = root.putObject("period");
              period.put("first", p.first().toString());
              period.put("last", p.last().toString());
            });
    ArrayNode metrics = root.putArray("metrics");
    for (MetricStats m : snapshot.metrics()) {
      ObjectNode mo = metrics.addObject();
      mo.put("metric", m.metric());
      mo.put("measure", m.measure());
      ObjectNode in = mo.putObject("instrument");
      in.put("kind", m.instrument().kind().name());
      in.put("name", m.instrument().name());
      ObjectNode scale = in.putObject("scale");
      scale.put("min", m.instrument().scale().min());
      scale.put("max", m.instrument().scale().max());
      ArrayNode groups = mo.putArray("groups");
      for (GroupStats g : m.groups()) {
        group(groups.addObject(), g, m);
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write report.json", e); // a tree always serialises
    }
  }

  private static void group(ObjectNode o, GroupStats g, MetricStats m) {
    ScoreDistribution d = g.distribution();
    Scale scale = d.scale();
    o.put("dimension", g.dimension());
    o.put("key", g.key());
    o.put("n", d.n());
    o.put("effectiveSampleSize", d.effectiveSampleSize());
    if (g.first() != null) {
      o.put("first", g.first().toString());
      o.put("last", g.last().toString());
    }
    ArrayNode counts = o.putArray("counts");
    for (int s = scale.min(); s <= scale.max(); s++) {
      counts.add(d.count(s));
    }
    if (d.isWeighted()) {
      ArrayNode w = o.putArray("weights");
      ArrayNode w2 = o.putArray("weightSquares");
      for (int s = scale.min(); s <= scale.max(); s++) {
        if (!Double.isFinite(d.weight(s)) || !Double.isFinite(d.weightSquares(s))) {
          throw new IllegalArgumentException(
              m.metric()
                  + " "
                  + g.dimension()
                  + " '"
                  + g.key()
                  + "': the weight sums at score "
                  + s
                  + " overflow a double; scale the weights down "
                  + "to write report.json");
        }
        w.add(d.weight(s));
        w2.add(d.weightSquares(s));
      }
    }
  }

  /**
   * Writes {@code snapshot} to {@code file} in UTF-8.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(ReportSnapshot snapshot, Path file) {
    try {
      Files.writeString(file, toJson(snapshot), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Returns the file a {@code --baseline} path names: {@code path} itself, or {@code
   * path/report.json} when it is a folder.
   */
  public static Path resolve(Path path) {
    return Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
  }

  /**
   * Reads a {@code report.json}, or the one in a report folder ({@link #resolve}).
   *
   * @throws IllegalArgumentException if the file does not exist, is not valid JSON (the message
   *     names the line and column), is not a cx4j report ({@code format}), has another version, or
   *     a field is missing or invalid (the message names the field's path and value)
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ReportSnapshot read(Path path) {
    Path file = resolve(path);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          Files.isDirectory(path)
              ? "baseline: the folder "
                  + path
                  + " holds no "
                  + FILE_NAME
                  + " (it is written by cx report from this version on)"
              : "baseline: " + file + " does not exist");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException("baseline " + file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read baseline " + file, e);
    }
    return parse(file.toString(), text);
  }

  /**
   * Returns the snapshot in {@code text}, naming {@code source} in errors.
   *
   * @throws IllegalArgumentException as {@link #read(Path)}
   */
  public static ReportSnapshot parse(String source, String text) {
    String at = "baseline " + source + ": ";
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      throw new IllegalArgumentException(
          at + "nests deeper than " + MAX_NESTING + " levels; not a report.json", e);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ": "
              : String.format(
                  Locale.ROOT,
                  " at line %d, column %d: ",
                  e.getLocation().getLineNr(),
                  e.getLocation().getColumnNr());
      throw new IllegalArgumentException(at + "not valid JSON" + where + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException(at + "the file is empty, not a report.json");
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException(
          at + "expected a JSON object, got " + kind(root) + "; not a report.json");
    }
    JsonNode format = root.get("format");
    if (format == null) {
      throw new IllegalArgumentException(
          at
              + "no \"format\" field; not a report.json "
              + "written by cx report (expected \"format\": \""
              + FORMAT
              + "\")");
    }
    if (!format.isTextual() || !format.asText().equals(FORMAT)) {
      throw new IllegalArgumentException(
          at
              + "\"format\" is "
              + shown(format)
              + ", expected '"
              + FORMAT
              + "'; not a report.json written by cx report");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isIntegralNumber()) {
      throw new IllegalArgumentException(
          at + "\"version\" is " + shown(version) + ", expected the integer " + VERSION);
    }
    if (version.asLong() != VERSION) {
      throw new IllegalArgumentException(
          at
              + "\"version\" is "
              + version.asText()
              + "; this cx4j reads version "
              + VERSION
              + (version.asLong() > VERSION ? " (the file was written by a newer cx4j)" : ""));
    }
    Reader r = new Reader(at);
    String name = r.text(root, "source", "source");
    List<MetricStats> metrics = new ArrayList<>();
    JsonNode ms = r.array(root, "metrics", "metrics");
    for (int i = 0; i < ms.size(); i++) {
      metrics.add(r.metric(ms.get(i), "metrics[" + i + "]"));
    }
    return new ReportSnapshot(name, metrics);
  }

  private static String kind(JsonNode n) {
    return n.isArray()
        ? "an array"
        : n.isTextual()
            ? "a string"
            : n.isNumber()
                ? "a number"
                : n.isBoolean() ? "a boolean" : n.isNull() ? "null" : "an object";
  }

  /** A value as it is quoted in an error: cut to 80 characters, control characters escaped. */
  private static String shown(JsonNode n) {
    if (n == null) {
      return "missing";
    }
    String s = n.isTextual() ? "'" + n.asText() + "'" : n.toString();
    if (s.length() > 80) {
      s = s.substring(0, 77) + "...";
    }
    return SafeText.escape(s);
  }

  /** Reads the fields of a parsed report.json, naming the path of a bad one. */
  private record Reader(String at) {

    IllegalArgumentException bad(String path, String what) {
      return new IllegalArgumentException(at + path + " " + what);
    }

    JsonNode field(JsonNode o, String name, String path) {
      if (!o.isObject()) {
        throw bad(
            path.substring(0, Math.max(0, path.lastIndexOf('.'))),
            "must be an object, got " + shown(o));
      }
      JsonNode v = o.get(name);
      if (v == null || v.isNull()) {
        throw bad(path, "is missing");
      }
      return v;
    }

    String text(JsonNode o, String name, String path) {
      JsonNode v = field(o, name, path);
      if (!v.isTextual()) {
        throw bad(path, "must be a string, got " + shown(v));
      }
      return v.asText();
    }

    JsonNode array(JsonNode o, String name, String path) {
      JsonNode v = field(o, name, path);
      if (!v.isArray()) {
        throw bad(path, "must be an array, got " + shown(v));
      }
      return v;
    }

    int integer(JsonNode o, String name, String path) {
      JsonNode v = field(o, name, path);
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw bad(path, "must be an integer, got " + shown(v));
      }
      return v.asInt();
    }

    MetricStats metric(JsonNode m, String path) {
      String metric = text(m, "metric", path + ".metric");
      String measure = text(m, "measure", path + ".measure");
      JsonNode in = field(m, "instrument", path + ".instrument");
      String kindText = text(in, "kind", path + ".instrument.kind");
      Instrument.Kind kind;
      try {
        kind = Instrument.Kind.valueOf(kindText);
      } catch (IllegalArgumentException e) {
        throw bad(
            path + ".instrument.kind",
            "is "
                + shown(in.get("kind"))
                + ", expected one of "
                + java.util.Arrays.toString(Instrument.Kind.values()));
      }
      String name = text(in, "name", path + ".instrument.name");
      JsonNode sc = field(in, "scale", path + ".instrument.scale");
      Instrument instrument;
      try {
        Scale scale =
            new Scale(
                integer(sc, "min", path + ".instrument.scale.min"),
                integer(sc, "max", path + ".instrument.scale.max"));
        instrument = new Instrument(kind, name, scale);
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(at)) {
          throw e;
        }
        throw bad(path + ".instrument", "is invalid: " + e.getMessage());
      }
      List<GroupStats> groups = new ArrayList<>();
      JsonNode gs = array(m, "groups", path + ".groups");
      for (int i = 0; i < gs.size(); i++) {
        groups.add(group(gs.get(i), path + ".groups[" + i + "]", instrument.scale()));
      }
      return new MetricStats(metric, measure, instrument, groups);
    }

    GroupStats group(JsonNode g, String path, Scale scale) {
      String dimension = text(g, "dimension", path + ".dimension");
      if (!ReportSnapshot.DIMENSIONS.contains(dimension)) {
        throw bad(
            path + ".dimension",
            "is " + shown(g.get("dimension")) + ", expected one of " + ReportSnapshot.DIMENSIONS);
      }
      String key = text(g, "key", path + ".key");
      long[] counts = counts(array(g, "counts", path + ".counts"), path + ".counts", scale);
      ScoreDistribution d;
      boolean weighted = g.has("weights") || g.has("weightSquares");
      try {
        d =
            weighted
                ? ScoreDistribution.ofWeights(
                    scale,
                    counts,
                    sums(array(g, "weights", path + ".weights"), path + ".weights", scale),
                    sums(
                        array(g, "weightSquares", path + ".weightSquares"),
                        path + ".weightSquares",
                        scale))
                : ScoreDistribution.ofCounts(scale, counts);
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(at)) {
          throw e;
        }
        throw bad(path, "is inconsistent: " + e.getMessage());
      }
      JsonNode n = g.get("n");
      if (n != null && !(n.isIntegralNumber() && n.asLong() == d.n())) {
        throw bad(path + ".n", "is " + shown(n) + " but the counts sum to " + d.n());
      }
      Instant first = instant(g, "first", path);
      Instant last = instant(g, "last", path);
      if ((first == null) != (last == null)) {
        throw bad(path, "has only one of \"first\" and \"last\"");
      }
      if (first != null && last.isBefore(first)) {
        throw bad(path + ".last", "(" + last + ") is before first (" + first + ")");
      }
      return new GroupStats(dimension, key, d, first, last);
    }

    long[] counts(JsonNode a, String path, Scale scale) {
      if (a.size() != scale.points()) {
        throw bad(
            path, "has " + a.size() + " entries; the scale " + scale + " has " + scale.points());
      }
      long[] c = new long[a.size()];
      for (int k = 0; k < c.length; k++) {
        JsonNode v = a.get(k);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
          throw bad(path + "[" + k + "]", "must be a non-negative integer, got " + shown(v));
        }
        c[k] = v.asLong();
      }
      return c;
    }

    double[] sums(JsonNode a, String path, Scale scale) {
      if (a.size() != scale.points()) {
        throw bad(
            path, "has " + a.size() + " entries; the scale " + scale + " has " + scale.points());
      }
      double[] s = new double[a.size()];
      for (int k = 0; k < s.length; k++) {
        JsonNode v = a.get(k);
        if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
          throw bad(path + "[" + k + "]", "must be a finite non-negative number, got " + shown(v));
        }
        s[k] = v.asDouble();
      }
      return s;
    }

    Instant instant(JsonNode g, String name, String path) {
      JsonNode v = g.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      try {
        if (!v.isTextual()) {
          throw new DateTimeParseException("not a string", v.toString(), 0);
        }
        return Instant.parse(v.asText());
      } catch (DateTimeParseException e) {
        throw bad(
            path + "." + name,
            "must be an ISO-8601 instant such as " + "2026-01-31T09:30:00Z, got " + shown(v));
      }
    }
  }
}
