package io.ferrum.provisioning.pipeline;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * NETCONF config as comparable text: one {@code /path/to/leaf = value} line per leaf, list entries named by their
 * key ({@code /interfaces/interface[Ethernet1]/description = to leaf02 Ethernet1}), sorted. Namespace prefixes,
 * element order and whitespace, which servers are free to change, do not make two configs differ.
 */
public final class ConfigLeaves {

    /** Child elements that name a list entry, in the order tried. */
    private static final List<String> KEYS = List.of("name", "address");

    private ConfigLeaves() {
    }

    /** @param xml one or more sibling elements (the content of {@code <config>} or {@code <data>}) */
    public static String of(String xml) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(("<root>" + xml + "</root>")
                    .getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new DriverException(FailureReason.PROTOCOL_ERROR, "-", "config is not well-formed XML: "
                    + e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        for (Element child : children(root)) {
            walk(child, "", lines);
        }
        lines.sort(null);
        return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }

    private static void walk(Element element, String parent, List<String> lines) {
        List<Element> children = children(element);
        String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        if (children.isEmpty()) {
            lines.add(parent + "/" + name + " = " + element.getTextContent().strip());
            return;
        }
        String key = null;
        for (String keyName : KEYS) {
            for (Element child : children) {
                if (keyName.equals(child.getLocalName()) && children(child).isEmpty()) {
                    key = child.getTextContent().strip();
                    break;
                }
            }
            if (key != null) {
                break;
            }
        }
        String path = parent + "/" + name + (key == null ? "" : "[" + key + "]");
        for (Element child : children) {
            walk(child, path, lines);
        }
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }
}
