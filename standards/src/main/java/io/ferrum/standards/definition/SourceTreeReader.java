package io.ferrum.standards.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML or JSON into {@link SourceNode}s with Jackson's streaming parser, recording where each value and key was
 * written. Syntax errors become located problems; duplicate keys are refused because YAML would silently keep one.
 */
final class SourceTreeReader {

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String file;
    private final List<DefinitionProblem> problems;
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();

    SourceTreeReader(String file, List<DefinitionProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    Map<String, SourceLocation> locations() {
        return locations;
    }

    /** The document's root, or null when it is empty or not well-formed (a problem says why). */
    SourceNode read(String text) {
        ObjectMapper mapper = file.toLowerCase().endsWith(".json") ? JSON : YAML;
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() == null) {
                problems.add(new DefinitionProblem(file, 1, 1, "", "the document is empty"));
                return null;
            }
            return node(parser, "");
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            problems.add(new DefinitionProblem(file, line, column, "", "malformed "
                    + (mapper == JSON ? "JSON" : "YAML") + ": " + oneLine(e.getOriginalMessage())));
            return null;
        }
    }

    private SourceNode node(JsonParser parser, String path) {
        SourceLocation at = location(parser.currentTokenLocation());
        locations.put(path, at);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, SourceNode.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    SourceLocation keyAt = location(parser.currentTokenLocation());
                    String childPath = path.isEmpty() ? name : path + "." + name;
                    parser.nextToken();
                    SourceNode value = node(parser, childPath);
                    if (entries.containsKey(name)) {
                        problems.add(new DefinitionProblem(file, keyAt.line(), keyAt.column(), childPath,
                                "is given twice (first at line " + entries.get(name).keyAt().line() + ")"));
                    } else {
                        entries.put(name, new SourceNode.Entry(keyAt, value));
                    }
                }
                return new SourceNode.Mapping(at, entries);
            }
            case START_ARRAY -> {
                List<SourceNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, path + "[" + items.size() + "]"));
                }
                return new SourceNode.Sequence(at, items);
            }
            case VALUE_NULL -> {
                return new SourceNode.Null(at);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new SourceNode.Scalar(at, parser.getText(), true, false);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new SourceNode.Scalar(at, parser.getText(), false, true);
            }
            default -> {
                // Jackson's YAML parser hands a bare ~ (YAML's null) through as text inside flow sequences.
                String text = parser.getText();
                return "~".equals(text) ? new SourceNode.Null(at) : new SourceNode.Scalar(at, text, false, false);
            }
        }
    }

    private static SourceLocation location(TokenStreamLocation at) {
        return new SourceLocation(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    /**
     * The parser's explanation on one line: its own sentences and the lines they refer to, without the excerpts of
     * the source it quotes (indented lines), since the location already points there.
     */
    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        StringBuilder text = new StringBuilder();
        for (String line : message.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("in reader, ") || trimmed.startsWith("in 'reader', ")) {
                text.append(" (").append(trimmed.substring(trimmed.indexOf(',') + 2).replaceAll(":$", ""))
                        .append(")");
            } else if (!trimmed.isEmpty() && line.equals(line.stripLeading()) && !trimmed.startsWith("at [Source")) {
                text.append(text.length() == 0 ? "" : "; ").append(trimmed);
            }
        }
        return text.length() == 0 ? "unreadable input" : text.toString();
    }
}
