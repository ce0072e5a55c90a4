package org.cx4j.spark.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cx4j.spark.CxFunctions;
import org.cx4j.spark.SparkTesting;
import org.cx4j.text.SentimentAnalyzer;
import org.cx4j.text.ThemeDictionary;
import org.cx4j.text.ThemeTable;
import org.junit.jupiter.api.Test;

/** cx_sentiment and cx_theme_counts in a local session equal the single-machine cx-text results. */
class TextFunctionsTest {

  static final Map<String, List<String>> THEMES =
      Map.of(
          "delivery", List.of("delivery", "shipping"), "refund", List.of("refund", "money back"));

  static final List<String[]> COMMENTS =
      List.of(
          new String[] {"web", "The delivery was GREAT!!"},
          new String[] {"web", "Don't waste your money, no refund"},
          new String[] {"web", null},
          new String[] {"web", "   "},
          new String[] {"web", "<p>&nbsp;</p>"},
          new String[] {"app", "Shipping was not bad, good :)"},
          new String[] {"app", "App crashed again"},
          new String[] {"app", "I want my money back <b>now</b>"},
          new String[] {"app", "x".repeat(6000) + " terrible"},
          new String[] {"store", "kind of nice but the deliveries were late"});

  static Dataset<Row> comments(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (String[] c : COMMENTS) {
      rows.add(RowFactory.create(c[0], c[1]));
    }
    StructType schema =
        new StructType()
            .add("touchpoint", DataTypes.StringType, false)
            .add("comment", DataTypes.StringType, true);
    return spark.createDataFrame(rows, schema).repartition(3);
  }

  @Test
  void sentimentEqualsTheSingleMachineScore() {
    SparkSession spark = SparkTesting.spark(); // CxFunctions.register: cx_sentiment included
    assertTrue(CxFunctions.NAMES.contains(TextFunctions.SENTIMENT));
    comments(spark).createOrReplaceTempView("text_comments");
    List<Row> out =
        spark.sql("SELECT comment, cx_sentiment(comment) AS s FROM text_comments").collectAsList();
    assertEquals(COMMENTS.size(), out.size());
    SentimentAnalyzer vader = SentimentAnalyzer.vader();
    int nulls = 0;
    for (Row r : out) {
      String comment = r.getString(0);
      var expected = vader.score(comment);
      if (expected.isEmpty()) {
        assertTrue(r.isNullAt(1), () -> "no comment must be NULL: " + comment);
        nulls++;
      } else {
        // The same code on the executor: equal to the last bit.
        assertEquals(expected.get().compound(), r.getDouble(1), 0, comment);
      }
    }
    assertEquals(3, nulls); // null, blank and markup only
    assertNull(new SentimentUdf(Map.of(), 10).call(" "));
  }

  @Test
  void themeCountsEqualTheSingleMachineTable() {
    SparkSession spark = SparkTesting.spark();
    TextFunctions.registerThemeCounts(spark, THEMES);
    comments(spark).createOrReplaceTempView("text_comments2");
    List<Row> out =
        spark
            .sql(
                "SELECT touchpoint, cx_theme_counts(comment) AS t FROM text_comments2 GROUP BY touchpoint")
            .collectAsList();
    ThemeDictionary.Builder b = ThemeDictionary.builder();
    THEMES.forEach((k, v) -> b.theme(k, v.toArray(String[]::new)));
    ThemeTable table =
        b.build().analyze(COMMENTS, c -> c[1], c -> c[0], SentimentAnalyzer.vader(), 0);
    assertEquals(3, out.size());
    for (Row r : out) {
      String group = r.getString(0);
      Row t = r.getStruct(1);
      ThemeTable.GroupTotals g = table.groups().get(group);
      assertEquals(g.comments(), t.getLong(t.fieldIndex("comments")), group);
      assertEquals(g.noComment(), t.getLong(t.fieldIndex("no_comment")), group);
      assertEquals(g.unmatched(), t.getLong(t.fieldIndex("unmatched")), group);
      Map<String, Long> counts = t.getJavaMap(t.fieldIndex("themes"));
      for (String theme : THEMES.keySet()) {
        long expected = table.row(group, theme).map(ThemeTable.Row::comments).orElse(0L);
        assertEquals(expected, counts.get(theme), group + "/" + theme);
      }
    }
    // By hand: web has 2 comments with text (3 no comment): delivery 1, refund 1.
    Row web = out.stream().filter(r -> r.getString(0).equals("web")).findFirst().orElseThrow();
    assertEquals(3L, web.getStruct(1).getLong(1));
    assertThrows(
        IllegalArgumentException.class, () -> TextFunctions.registerThemeCounts(spark, Map.of()));
  }
}
