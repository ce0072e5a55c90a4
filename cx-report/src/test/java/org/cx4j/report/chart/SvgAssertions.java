package org.cx4j.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks shared by all chart tests: the markup parses as XML with a hardened JDK parser, is safe to
 * inline (no scripts, no outside references), accessible, and every coordinate is a finite number
 * inside the viewBox.
 */
final class SvgAssertions {

  /** Coordinates are written with two decimals; allow that much rounding at the edges. */
  static final double EPS = 0.011;

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final Pattern PATH_TOKEN = Pattern.compile("[A-Za-z]|-?\\d+(?:\\.\\d+)?");

  private SvgAssertions() {}

  /** Parses the markup with DOCTYPEs and external entities disallowed. */
  static Document parse(Svg svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(svg.markup().getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg.markup(), e);
    }
  }

  /** Runs every generic check and returns the parsed document. */
  static Document assertValid(Svg svg) {
    Document doc = parse(svg);
    Element root = doc.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    assertEquals("img", root.getAttribute("role"));
    assertFalse(root.getAttribute("aria-label").isBlank(), "aria-label");
    assertEquals("0 0 " + svg.width() + " " + svg.height(), root.getAttribute("viewBox"));
    assertTrue(root.getAttribute("font-family").startsWith("system-ui"), "font-family");
    Element first = firstElement(root);
    assertEquals("title", first.getLocalName(), "first child is the accessible <title>");
    assertFalse(first.getTextContent().isBlank());
    walk(root, svg.width(), svg.height());
    return doc;
  }

  private static Element firstElement(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el) {
        return el;
      }
    }
    throw new AssertionError("no child element");
  }

  private static void walk(Element e, double w, double h) {
    try {
      walkUnchecked(e, w, h);
    } catch (AssertionError err) {
      if (err.getMessage() != null && err.getMessage().startsWith("in <")) {
        throw err;
      }
      throw new AssertionError(
          "in <"
              + e.getLocalName()
              + " class="
              + e.getAttribute("class")
              + "> \""
              + e.getTextContent()
              + "\": "
              + err.getMessage(),
          err);
    }
  }

  private static void walkUnchecked(Element e, double w, double h) {
    String name = e.getLocalName();
    assertFalse(
        name.equalsIgnoreCase("script")
            || name.equalsIgnoreCase("foreignObject")
            || name.equalsIgnoreCase("image")
            || name.equalsIgnoreCase("use")
            || name.equalsIgnoreCase("style"),
        "forbidden element <" + name + ">");
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      String an = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
      String v = a.getNodeValue();
      assertFalse(an.equalsIgnoreCase("href"), "href attribute on <" + name + ">: " + v);
      assertFalse(an.toLowerCase().startsWith("on"), "event handler " + an);
      assertFalse(v.contains("NaN") && !an.equals("aria-label"), an + " contains NaN: " + v);
      assertFalse(
          v.contains("Infinity") && !an.equals("aria-label"), an + " contains Infinity: " + v);
      assertFalse(v.contains("url(") || v.contains("javascript:"), an + " references " + v);
      switch (an) {
        case "x", "x1", "x2", "cx" -> inside(an, number(v), w, name);
        case "y", "y1", "y2", "cy" -> inside(an, number(v), h, name);
        case "d" -> checkPath(v, w, h);
        case "transform" -> checkTransform(v, w, h);
        case "width", "height", "r", "stroke-width", "font-size", "rx" -> {
          if (!(name.equals("svg"))) {
            double d = number(v);
            assertTrue(d >= 0, an + " negative: " + v);
          }
        }
        default -> {}
      }
    }
    if (name.equals("rect")) {
      double x = number(e.getAttribute("x"));
      double y = number(e.getAttribute("y"));
      inside("x+width", x + number(e.getAttribute("width")), w, name);
      inside("y+height", y + number(e.getAttribute("height")), h, name);
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el) {
        walk(el, w, h);
      }
    }
  }

  private static double number(String v) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException ex) {
      throw new AssertionError("not a number: " + v);
    }
    assertTrue(Double.isFinite(d), "not finite: " + v);
    return d;
  }

  private static void inside(String what, double v, double max, String element) {
    if (v < -EPS || v > max + EPS) {
      fail(what + " = " + v + " of <" + element + "> outside 0.." + max);
    }
  }

  /** Checks the absolute commands M, L, H, V, C, Q and Z that the charts write. */
  private static void checkPath(String d, double w, double h) {
    Matcher m = PATH_TOKEN.matcher(d);
    char cmd = 0;
    List<Double> args = new ArrayList<>();
    while (m.find()) {
      String t = m.group();
      if (Character.isLetter(t.charAt(0))) {
        flush(cmd, args, w, h);
        cmd = t.charAt(0);
        assertTrue("MLHVCQZ".indexOf(cmd) >= 0, "unexpected path command " + cmd + " in " + d);
      } else {
        args.add(number(t));
      }
    }
    flush(cmd, args, w, h);
  }

  private static void flush(char cmd, List<Double> args, double w, double h) {
    switch (cmd) {
      case 'H' -> args.forEach(x -> inside("path x", x, w, "path"));
      case 'V' -> args.forEach(y -> inside("path y", y, h, "path"));
      case 'Z', 0 -> assertTrue(args.isEmpty(), "arguments after " + cmd);
      default -> {
        assertEquals(0, args.size() % 2, "odd coordinates after " + cmd);
        for (int i = 0; i < args.size(); i += 2) {
          inside("path x", args.get(i), w, "path");
          inside("path y", args.get(i + 1), h, "path");
        }
      }
    }
    args.clear();
  }

  private static void checkTransform(String v, double w, double h) {
    // A title on two lines moves the chart down in a group: translate(0 dy), dy > 0.
    Matcher shift = Pattern.compile("translate\\(0 (\\S+)\\)").matcher(v);
    if (shift.matches()) {
      inside("translate y", number(shift.group(1)), h, "g");
      return;
    }
    Matcher rot = Pattern.compile("rotate\\((\\S+) (\\S+) (\\S+)\\)").matcher(v);
    assertTrue(rot.matches(), "only rotate(a x y) or translate(0 y) expected: " + v);
    inside("rotate x", number(rot.group(2)), w, "text");
    inside("rotate y", number(rot.group(3)), h, "text");
  }

  /** Returns the elements with the given class (one of its space-separated classes). */
  static List<Element> byClass(Document doc, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      for (String c : e.getAttribute("class").split(" ")) {
        if (c.equals(cls)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** Returns the elements with the given local name. */
  static List<Element> byName(Document doc, String name) {
    List<Element> out = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", name);
    for (int i = 0; i < all.getLength(); i++) {
      out.add((Element) all.item(i));
    }
    return out;
  }

  /** Returns the text of every {@code <text>} element (without tooltips). */
  static List<String> texts(Document doc) {
    List<String> out = new ArrayList<>();
    for (Element e : byName(doc, "text")) {
      StringBuilder sb = new StringBuilder();
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n.getNodeType() == Node.TEXT_NODE) {
          sb.append(n.getNodeValue());
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Returns the text of every {@code <title>} element (tooltips and the accessible name). */
  static List<String> titles(Document doc) {
    List<String> out = new ArrayList<>();
    for (Element e : byName(doc, "title")) {
      out.add(e.getTextContent());
    }
    return out;
  }

  static double attr(Element e, String name) {
    return Double.parseDouble(e.getAttribute(name));
  }

  /** Asserts the chart is the "No data" state with its title. */
  static void assertNoData(Svg svg, String title) {
    Document doc = assertValid(svg);
    List<String> texts = texts(doc);
    assertTrue(texts.contains("No data"), "No data message in " + texts);
    assertTrue(texts.contains(title), "title in " + texts);
  }

  /** Returns all numbers of a path's d attribute (for shape checks). */
  static List<Double> pathNumbers(String d) {
    List<Double> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(d);
    while (m.find()) {
      out.add(Double.parseDouble(m.group()));
    }
    return out;
  }
}
