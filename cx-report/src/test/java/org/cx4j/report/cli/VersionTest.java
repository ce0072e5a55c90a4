package org.cx4j.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** {@code --version} prints the project's version as the pom states it. */
class VersionTest {

  /** The version in cx-report's pom: its own, else its parent's (Maven's inheritance rule). */
  private static String pomVersion() throws Exception {
    // Surefire runs in the module's folder.
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile());
    var xpath = XPathFactory.newInstance().newXPath();
    String own = xpath.evaluate("/project/version", pom).strip();
    return own.isEmpty() ? xpath.evaluate("/project/parent/version", pom).strip() : own;
  }

  @Test
  void versionIsThePomsVersion() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        CxReportCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");
    assertEquals(ExitCodes.OK, code);
    assertEquals("cx-report " + pomVersion(), out.toString().strip());
  }
}
