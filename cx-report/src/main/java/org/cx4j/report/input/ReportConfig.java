package org.cx4j.report.input;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cx4j.core.customer.SegmentRule;
import org.cx4j.core.customer.Segmentation;
import org.cx4j.core.json.CxJson;

/**
 * The small JSON file that tells the report how to read a user's files, as an alternative to (or
 * together with) command-line options; options given on the command line win.
 *
 * <pre>{@code
 * {
 *   "separator": ";",
 *   "timestamps": { "pattern": "yyyy-MM-dd HH:mm:ss", "zone": "Europe/Paris" },
 *   "interactions": { "file": "events.csv", "columns": { "customer_id": "cust", "touchpoint": "page" } },
 *   "responses":    { "file": "survey.csv", "columns": { "score": "answer" } },
 *   "transactions": { "file": "orders.jsonl" },
 *   "customers":    { "file": "customers.csv" },
 *   "segmentBy": "plan",
 *   "effort": { "checkout_payment": 8, "support_hotline": 13 }
 * }
 * }</pre>
 *
 * <p>Relative file names are resolved against the folder of the config file. Column names map the
 * fields of {@link org.cx4j.core.io.Field} (by their default names, e.g. {@code customer_id}) to
 * the file's columns. {@code timestamps} is {@code "iso"} (default), {@code "epoch-millis"}, or a
 * pattern with a zone. {@code segmentation} may instead give full segment rules in cx4j's JSON
 * form. Unknown keys are errors that name the key, so a typo never goes unnoticed.
 *
 * @param separator the CSV separator: one character, or {@code "tab"} or {@code "whitespace"}
 * @param timestamps how timestamps are written: {@code "iso"}, {@code "epoch-millis"}, or an object
 *     with {@code pattern} and {@code zone}
 * @param interactions where and how to read interactions
 * @param responses where and how to read survey responses
 * @param transactions where and how to read transactions
 * @param customers where and how to read customers
 * @param segmentBy the customer attribute whose values are the segments ({@code plan}, {@code
 *     country} or any extra attribute)
 * @param segmentation explicit segment rules; overrides {@code segmentBy}
 * @param effort the effort to fix each touchpoint (any consistent unit, e.g. person-weeks), by
 *     touchpoint id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record ReportConfig(
    String separator,
    Object timestamps,
    FileConfig interactions,
    FileConfig responses,
    FileConfig transactions,
    FileConfig customers,
    String segmentBy,
    Segmentation segmentation,
    Map<String, Double> effort) {

  /**
   * One input file.
   *
   * @param file the path, relative to the config file's folder unless absolute
   * @param columns field name to column name ({@code COLUMN:FORMAT} for timestamps, see {@link
   *     ColumnOption})
   * @param header the column names of a CSV file without a header line, in order; null when its
   *     first line is the header
   */
  public record FileConfig(String file, Map<String, String> columns, List<String> header) {

    /** Returns a file whose first line is its header. */
    public FileConfig(String file, Map<String, String> columns) {
      this(file, columns, null);
    }
  }

  /**
   * The deepest JSON nesting a config may have: 200 levels, room for segment rules nested {@link
   * SegmentRule#MAX_DEPTH} deep (an {@code and} takes two levels: its object and its list).
   */
  public static final int MAX_NESTING = 200;

  /** Returns an empty config: everything by default. */
  public static ReportConfig empty() {
    return new ReportConfig(null, null, null, null, null, null, null, null, null);
  }

  /**
   * Reads a config file; relative file names in it are resolved against its folder.
   *
   * @throws IllegalArgumentException if the file is not valid JSON, has an unknown key (the message
   *     names the file, the line and the key), or nests deeper than {@link #MAX_NESTING} (segment
   *     rules: {@link SegmentRule#MAX_DEPTH}); the message names the file and the limit
   * @throws UncheckedIOException if it cannot be read
   */
  public static ReportConfig read(Path path) {
    // cx4j's mapper fails on unknown properties, so a misspelt key is an error.
    ObjectMapper mapper = CxJson.newMapper();
    // A config is a few levels deep; deeper nesting (thousands of segment rules inside each
    // other) is refused by the parser before data binding could recurse into it.
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    ReportConfig c;
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config " + path, e);
    }
    try {
      c = mapper.readValue(text, ReportConfig.class);
    } catch (UnrecognizedPropertyException e) {
      // Records are built through their constructor, so Jackson reports the end of the object;
      // the line of the key itself is what the user needs.
      throw new IllegalArgumentException(
          path
              + ": line "
              + lineOf(
                  text,
                  e.getPropertyName(),
                  e.getLocation() == null ? 0 : e.getLocation().getLineNr())
              + ": unknown key '"
              + e.getPropertyName()
              + "', expected one of "
              + e.getKnownPropertyIds(),
          e);
    } catch (StreamConstraintsException e) {
      throw tooDeep(path, e);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamConstraintsException deep) {
        throw tooDeep(path, deep); // data binding wraps the parser's refusal
      }
      // A record's own check (e.g. SegmentRule.MAX_DEPTH) says best what is wrong.
      Throwable cause = e.getCause();
      String reason =
          cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
      throw new IllegalArgumentException(path + ": line " + line(e) + ": " + reason, e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          path
              + ": line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ": not valid JSON: "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config " + path, e);
    }
    if (c == null) {
      throw new IllegalArgumentException(path + ": empty config");
    }
    Path base = path.toAbsolutePath().getParent();
    return new ReportConfig(
        c.separator,
        c.timestamps,
        resolve(c.interactions, base),
        resolve(c.responses, base),
        resolve(c.transactions, base),
        resolve(c.customers, base),
        c.segmentBy,
        c.segmentation,
        c.effort);
  }

  private static IllegalArgumentException tooDeep(Path path, StreamConstraintsException e) {
    return new IllegalArgumentException(
        path
            + ": the config is nested more than "
            + MAX_NESTING
            + " levels deep"
            + at(e)
            + "; segment rules may nest at most "
            + SegmentRule.MAX_DEPTH
            + " levels deep: flatten them (one 'and' with several rules, rather than an 'and' inside "
            + "an 'and')",
        e);
  }

  private static String line(com.fasterxml.jackson.core.JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1
        ? "?"
        : String.valueOf(e.getLocation().getLineNr());
  }

  private static String at(com.fasterxml.jackson.core.JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static int lineOf(String text, String key, int fallback) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(key) + "\"\\s*:")
            .matcher(text);
    if (!m.find()) {
      return fallback;
    }
    int line = 1;
    for (int i = 0; i < m.start(); i++) {
      line += text.charAt(i) == '\n' ? 1 : 0;
    }
    return line;
  }

  private static FileConfig resolve(FileConfig f, Path base) {
    if (f == null || f.file() == null || base == null) {
      return f;
    }
    return new FileConfig(base.resolve(f.file()).normalize().toString(), f.columns(), f.header());
  }
}
