// The versions the program reports are pom.xml's, as built.
package dev.reason2decide.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class VersionsTest {
  /** The text of the first child element {@code name} of {@code parent}. */
  private static String child(Element parent, String name) {
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().strip();
      }
    }
    throw new AssertionError("pom.xml has no <" + name + "> under <" + parent.getTagName() + ">");
  }

  @Test
  void theVersionsAreThePomsAsBuilt() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    Element project = pom.getDocumentElement();
    Element properties = (Element) project.getElementsByTagName("properties").item(0);
    assertEquals(child(project, "version"), Versions.PROJECT);
    assertEquals(child(properties, "djl.version"), Versions.DJL);
    assertEquals(child(properties, "pytorch.version"), Versions.PYTORCH);
  }
}
