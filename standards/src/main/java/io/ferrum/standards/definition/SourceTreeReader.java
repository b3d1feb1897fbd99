package io.ferrum.standards.definition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML or JSON into {@link SourceNode}s with Jackson's streaming parser, recording where each value and key was
 * written. Syntax errors become located problems; duplicate keys are refused because YAML would silently keep one.
 * YAML anchors, aliases and merge keys ({@code <<: *defaults}) are resolved here, so the rest of the parser sees the
 * definition as if it were written out.
 */
final class SourceTreeReader {

    /**
     * How many values a document may stand for once its aliases are expanded. A few lines of nested aliases can
     * stand for billions of values ("billion laughs"). A real site is a few thousand values; even 54 racks (the most
     * colo-pod takes) with 1000 serials each would be about 60 000.
     */
    static final int MAX_VALUES = 200_000;

    /** YAML 1.1's merge key: the mapping gets the entries of the merged mapping(s) that it does not give itself. */
    private static final String MERGE_KEY = "<<";

    /** How SnakeYAML names a tab in "found character '\t(TAB)' that cannot start any token". */
    private static final String TAB = "\\t(TAB)";

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String file;
    private final List<DefinitionProblem> problems;
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();
    /** Finished anchored values by name; a later anchor of the same name replaces the earlier one, as in YAML. */
    private final Map<String, SourceNode> anchors = new HashMap<>();
    /** Anchors whose values are still being read: an alias to one of them would make a value contain itself. */
    private final Set<String> openAnchors = new HashSet<>();
    /** Each value's size with its aliases expanded, so that an alias adds what it stands for. */
    private final Map<SourceNode, Integer> sizes = new IdentityHashMap<>();
    private long values;

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
            problems.add(malformed(e, mapper == JSON ? "JSON" : "YAML", text));
            return null;
        } catch (TooManyValues e) {
            return null;
        }
    }

    private SourceNode node(JsonParser parser, String path) {
        SourceLocation at = location(parser.currentTokenLocation());
        locations.put(path, at);
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            return alias(parser.getText(), at, path);
        }
        Object anchor = parser.getObjectId();
        if (anchor != null) {
            openAnchors.add(anchor.toString());
        }
        SourceNode node = value(parser, path, at);
        if (anchor != null) {
            openAnchors.remove(anchor.toString());
            anchors.put(anchor.toString(), node);
        }
        count(1, at, path);
        return node;
    }

    private SourceNode value(JsonParser parser, String path, SourceLocation at) {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                return mapping(parser, path, at);
            }
            case START_ARRAY -> {
                List<SourceNode> items = new ArrayList<>();
                int size = 1;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    SourceNode item = node(parser, path + "[" + items.size() + "]");
                    items.add(item);
                    size += size(item);
                }
                return sized(new SourceNode.Sequence(at, items), size);
            }
            case VALUE_NULL -> {
                return sized(new SourceNode.Null(at), 1);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return sized(new SourceNode.Scalar(at, parser.getText(), true, false), 1);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return sized(new SourceNode.Scalar(at, parser.getText(), false, true), 1);
            }
            default -> {
                // Jackson's YAML parser hands a bare ~ (YAML's null) through as text inside flow sequences.
                String text = parser.getText();
                return sized("~".equals(text) ? new SourceNode.Null(at) : new SourceNode.Scalar(at, text, false, false),
                        1);
            }
        }
    }

    private SourceNode mapping(JsonParser parser, String path, SourceLocation at) {
        Map<String, SourceNode.Entry> entries = new LinkedHashMap<>();
        List<SourceNode.Mapping> merged = new ArrayList<>();
        int size = 1;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            SourceLocation keyAt = location(parser.currentTokenLocation());
            String childPath = FieldReader.join(path, name);
            parser.nextToken();
            SourceNode value = node(parser, childPath);
            size += size(value);
            if (MERGE_KEY.equals(name) && parser instanceof YAMLParser) {
                merged.addAll(mergeSources(value, childPath));
            } else if (entries.containsKey(name)) {
                problems.add(new DefinitionProblem(file, keyAt.line(), keyAt.column(), childPath,
                        "is given twice (first at line " + entries.get(name).keyAt().line() + ")"));
            } else {
                entries.put(name, new SourceNode.Entry(keyAt, value));
            }
        }
        // Keys written in the mapping win over merged ones, and an earlier merged mapping over a later one.
        for (SourceNode.Mapping source : merged) {
            source.entries().forEach((name, entry) -> {
                if (!entries.containsKey(name)) {
                    entries.put(name, entry);
                    String childPath = FieldReader.join(path, name);
                    locations.put(childPath, entry.value().at());
                    locateInside(entry.value(), childPath);
                }
            });
        }
        return sized(new SourceNode.Mapping(at, entries), size);
    }

    /** What {@code <<:} merges: a mapping (usually an alias) or a list of them. */
    private List<SourceNode.Mapping> mergeSources(SourceNode value, String path) {
        if (value instanceof SourceNode.Mapping mapping) {
            return List.of(mapping);
        }
        if (value instanceof SourceNode.Sequence sequence) {
            List<SourceNode.Mapping> sources = new ArrayList<>();
            for (int i = 0; i < sequence.items().size(); i++) {
                sources.addAll(mergeSources(sequence.items().get(i), path + "[" + i + "]", true));
            }
            return sources;
        }
        return mergeSources(value, path, false);
    }

    private List<SourceNode.Mapping> mergeSources(SourceNode value, String path, boolean inList) {
        if (value instanceof SourceNode.Mapping mapping) {
            return List.of(mapping);
        }
        if (!(value instanceof SourceNode.Broken)) {
            problem(value.at(), path, "expected a mapping to merge" + (inList ? "" : " or a list of mappings")
                    + " (such as *defaults), found " + value.kindName());
        }
        return List.of();
    }

    /** The anchored value the alias stands for; its fields stay located where they were written. */
    private SourceNode alias(String name, SourceLocation at, String path) {
        SourceNode target = anchors.get(name);
        if (target == null) {
            problem(at, path, openAnchors.contains(name)
                    ? "*" + name + " is inside the value anchored &" + name + "; a value cannot contain itself"
                    : "*" + name + " refers to no anchor; define &" + name + " before this alias");
            return new SourceNode.Broken(at);
        }
        count(size(target), at, path);
        locateInside(target, path);
        return target;
    }

    /** Records where the values below {@code node} were written, under the path they are read at. */
    private void locateInside(SourceNode node, String path) {
        if (node instanceof SourceNode.Mapping mapping) {
            mapping.entries().forEach((name, entry) -> {
                String childPath = FieldReader.join(path, name);
                locations.put(childPath, entry.value().at());
                locateInside(entry.value(), childPath);
            });
        } else if (node instanceof SourceNode.Sequence sequence) {
            for (int i = 0; i < sequence.items().size(); i++) {
                String childPath = path + "[" + i + "]";
                locations.put(childPath, sequence.items().get(i).at());
                locateInside(sequence.items().get(i), childPath);
            }
        }
    }

    private SourceNode sized(SourceNode node, int size) {
        sizes.put(node, size);
        return node;
    }

    private int size(SourceNode node) {
        return sizes.getOrDefault(node, 1);
    }

    /** Adds {@code more} values read at {@code at}; past {@link #MAX_VALUES} reading stops. */
    private void count(int more, SourceLocation at, String path) {
        values += more;
        if (values > MAX_VALUES) {
            problem(at, path, "the document stands for more than " + MAX_VALUES + " values here (an alias counts "
                    + "every value it repeats); a site definition needs far fewer, so it is refused");
            throw new TooManyValues();
        }
    }

    private void problem(SourceLocation at, String path, String message) {
        problems.add(new DefinitionProblem(file, at.line(), at.column(), path, message));
    }

    /**
     * Located where the parser found the problem (SnakeYAML's problem mark), not where the last good token ended:
     * for a tab that is the tab itself rather than the end of the key above it.
     */
    private DefinitionProblem malformed(JacksonException e, String format, String text) {
        if (e.getCause() instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
            Mark mark = yaml.getProblemMark().get();
            String message = yaml.getProblem() != null && yaml.getProblem().contains(TAB)
                    ? tabProblem(text, mark)
                    : "malformed " + format + ": " + oneLine(e.getOriginalMessage());
            return new DefinitionProblem(file, mark.getLine() + 1, mark.getColumn() + 1, "", message);
        }
        TokenStreamLocation at = e.getLocation();
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        return new DefinitionProblem(file, line, column, "", "malformed " + format + ": "
                + oneLine(e.getOriginalMessage()));
    }

    /** SnakeYAML says "do not use tabs for indentation" also for a tab after a colon, which is not indentation. */
    private static String tabProblem(String text, Mark tab) {
        String line = text.lines().skip(tab.getLine()).findFirst().orElse("");
        boolean indenting = line.codePoints().limit(tab.getColumn()).allMatch(c -> c == ' ' || c == '\t' || c == '-');
        return indenting ? "a tab is not allowed for indentation in YAML; use spaces"
                : "a tab is not allowed here in YAML; use spaces";
    }

    /** Stops reading a document whose aliases expand too far; the problem is already recorded. */
    private static final class TooManyValues extends RuntimeException {
        TooManyValues() {
            super(null, null, false, false);
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
