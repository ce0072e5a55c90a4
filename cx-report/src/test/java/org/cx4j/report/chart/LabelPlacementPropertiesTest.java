package org.cx4j.report.chart;

import static org.cx4j.report.chart.SvgAssertions.assertValid;
import static org.cx4j.report.chart.SvgAssertions.attr;
import static org.cx4j.report.chart.SvgAssertions.byClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cx4j.report.chart.EffortImpactChart.Item;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Label placement on random point sets: no two labels overlap, no label covers a point, every label
 * lies inside the plot, and every item is either labelled in the plot or named under it. The
 * overlap test here is the plain definition (open rectangles intersect), written apart from {@link
 * LabelPlacer#collide}.
 */
class LabelPlacementPropertiesTest {

  /** A point with its radius and the size of its label. */
  record Spot(double x, double y, double r, double w, double h) {}

  @Provide
  Arbitrary<List<Spot>> spots() {
    Arbitrary<Spot> one =
        Combinators.combine(
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(2, 14),
                Arbitraries.doubles().between(8, 160),
                Arbitraries.doubles().between(10, 16))
            .as(Spot::new);
    return one.list().ofMinSize(1).ofMaxSize(40);
  }

  /** Whether two boxes {x0, y0, x1, y1} share interior points: the textbook definition. */
  private static boolean overlap(double[] a, double[] b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }

  @Property(tries = 1000, seed = "42")
  void placedLabelsNeverOverlapAndStayInside(
      @ForAll("spots") List<Spot> spots,
      @ForAll @IntRange(min = 200, max = 1000) int width,
      @ForAll @IntRange(min = 150, max = 600) int height) {
    double left = 40;
    double top = 30;
    double right = left + width;
    double bottom = top + height;
    LabelPlacer placer = new LabelPlacer(left, top, right, bottom);
    List<double[]> points = new ArrayList<>();
    for (Spot s : spots) {
      double cx = left + s.x() * width;
      double cy = top + s.y() * height;
      placer.point(cx, cy, s.r());
      points.add(new double[] {cx - s.r(), cy - s.r(), cx + s.r(), cy + s.r()});
    }
    List<double[]> labels = new ArrayList<>();
    for (int i = 0; i < spots.size(); i++) {
      Spot s = spots.get(i);
      double[] box = placer.place(left + s.x() * width, top + s.y() * height, s.r(), s.w(), s.h());
      if (box == null) {
        continue;
      }
      assertEquals(s.w(), box[2] - box[0], 1e-9);
      assertEquals(s.h(), box[3] - box[1], 1e-9);
      assertTrue(
          box[0] >= left && box[2] <= right && box[1] >= top && box[3] <= bottom,
          "inside the plot");
      for (double[] p : points) {
        assertFalse(overlap(box, p), "a label covers a point");
      }
      for (double[] other : labels) {
        assertFalse(overlap(box, other), "two labels overlap");
      }
      labels.add(box);
    }
    // Room to spare (few points, a big plot): every label is placed.
    if (spots.size() <= 4 && width >= 600 && height >= 300) {
      assertEquals(spots.size(), labels.size(), "few labels in a big plot all fit");
    }
  }

  @Provide
  Arbitrary<List<Item>> items() {
    Arbitrary<Item> one =
        Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30),
                Arbitraries.doubles().between(0, 20),
                Arbitraries.doubles().between(0, 60),
                Arbitraries.doubles().between(0, 100))
            .as(Item::new);
    return one.list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 300, seed = "42")
  void theMatrixLabelsEveryItemWithoutOverlap(
      @ForAll("items") List<Item> items, @ForAll @IntRange(min = 300, max = 1100) int width) {
    int height = Math.max(300, width * 6 / 10);
    Document doc =
        assertValid(EffortImpactChart.builder("M", items, 5, 20).size(width, height).render());
    List<Element> splits = byClass(doc, "split");
    double top = attr(splits.get(0), "y1");
    double bottom = attr(splits.get(0), "y2");
    double left = attr(splits.get(1), "x1");
    double right = attr(splits.get(1), "x2");
    double sx = attr(splits.get(0), "x1");
    double sy = attr(splits.get(1), "y1");
    assertTrue(left <= sx && sx <= right && top <= sy && sy <= bottom, "splits inside");
    List<double[]> points = new ArrayList<>();
    for (Element c : byClass(doc, "point")) {
      double r = attr(c, "r");
      points.add(
          new double[] {
            attr(c, "cx") - r, attr(c, "cy") - r, attr(c, "cx") + r, attr(c, "cy") + r
          });
    }
    List<double[]> labels = new ArrayList<>();
    for (Element t : byClass(doc, "point-label")) {
      String text = t.getFirstChild().getNodeValue();
      double x = attr(t, "x");
      double y = attr(t, "y") - EffortImpactChart.LABEL_BASELINE;
      double[] box = {
        x, y, x + Text.width(text, Frame.SMALL_SIZE, false), y + EffortImpactChart.LABEL_HEIGHT
      };
      assertTrue(
          box[0] >= left && box[2] <= right && box[1] >= top && box[3] <= bottom,
          "label inside the plot: " + text);
      for (double[] p : points) {
        assertFalse(overlap(box, p), "label covers a point: " + text);
      }
      for (double[] o : labels) {
        assertFalse(overlap(box, o), "labels overlap: " + text);
      }
      labels.add(box);
    }
    assertEquals(
        items.size(),
        labels.size() + byClass(doc, "unplaced").size(),
        "every item is labelled in the plot or named under it");
    // Effort and impact are non-negative here: no tick below 0.
    for (String s : SvgAssertions.texts(doc)) {
      assertFalse(s.matches("-\\d+(\\.\\d+)?"), "negative tick " + s);
    }
    assertNotNull(doc.getDocumentElement());
  }
}
