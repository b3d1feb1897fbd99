package io.ferrum.provisioning.driver.ipmi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ipmitool -v sdr elist}: one block per sensor, "key : value" lines, blocks separated by a blank line
 * (the verbose form; the driver runs every command with {@code -v}, and OpenStack Ironic parses this form too).
 *
 * <pre>
 * Sensor ID              : CPU Temp (0x1)
 *  Sensor Type (Threshold)  : Temperature (0x01)
 *  Sensor Reading        : 48 (+/- 0) degrees C
 *  Status                : ok
 * </pre>
 */
final class IpmitoolSensors {

    private static final String SENSOR_ID = "Sensor ID";
    private static final String SENSOR_TYPE = "Sensor Type";
    /** A field starts at column 0 or 1; deeper lines continue the previous field (a discrete sensor's states). */
    private static final Pattern FIELD = Pattern.compile("^ ?(\\S[^:]*?)\\s*:\\s?(.*)$");
    private static final Pattern HEX_SUFFIX = Pattern.compile("\\s*\\(0x\\p{XDigit}+\\)$");
    private static final Pattern READING = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)\\s*(?:\\(\\+/-\\s*[\\d.]+\\))?\\s*(.*)$");
    private static final Pattern STATE = Pattern.compile("\\[([^\\]]+)]");

    private IpmitoolSensors() {
    }

    static List<SensorReading> parse(String stdout) throws IpmitoolOutput.UnexpectedOutput {
        List<Map<String, String>> blocks = blocks(stdout);
        if (blocks.isEmpty() && !stdout.isBlank()) {
            throw new IpmitoolOutput.UnexpectedOutput("expected 'Sensor ID : …' blocks", stdout);
        }
        List<SensorReading> readings = new ArrayList<>();
        for (Map<String, String> block : blocks) {
            readings.add(reading(block, stdout));
        }
        return readings;
    }

    /** The sensor blocks, each field name to its value; blocks of other record kinds are skipped. */
    private static List<Map<String, String>> blocks(String stdout) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = null;
        String lastKey = null;
        for (String line : stdout.split("\n", -1)) {
            Matcher field = FIELD.matcher(line);
            if (line.isBlank()) {
                block = null;
            } else if (field.matches() && field.group(1).equals(SENSOR_ID)) {
                block = new LinkedHashMap<>();
                blocks.add(block);
                block.put(SENSOR_ID, field.group(2).strip());
                lastKey = SENSOR_ID;
            } else if (block != null && field.matches()) {
                lastKey = field.group(1);
                block.put(lastKey, field.group(2).strip());
            } else if (block != null) {
                block.merge(lastKey, line.strip(), (a, b) -> a + " " + b);
            }
        }
        return blocks;
    }

    private static SensorReading reading(Map<String, String> block, String stdout) throws IpmitoolOutput.UnexpectedOutput {
        String name = HEX_SUFFIX.matcher(block.get(SENSOR_ID)).replaceFirst("");
        String typeKey = block.keySet().stream().filter(k -> k.startsWith(SENSOR_TYPE)).findFirst()
                .orElseThrow(() -> new IpmitoolOutput.UnexpectedOutput("sensor '" + name + "' has no Sensor Type", stdout));
        String type = HEX_SUFFIX.matcher(block.get(typeKey)).replaceFirst("");
        if (!typeKey.contains("(Threshold)")) {
            return new SensorReading(name, type, OptionalDouble.empty(), "", states(block.getOrDefault("States Asserted", "")));
        }
        String status = block.getOrDefault("Status", "");
        Matcher reading = READING.matcher(block.getOrDefault("Sensor Reading", ""));
        return reading.matches()
                ? new SensorReading(name, type, OptionalDouble.of(Double.parseDouble(reading.group(1))),
                        reading.group(2).strip(), status)
                : new SensorReading(name, type, OptionalDouble.empty(), "", status);
    }

    /** "Entity Presence [Present]" → "Present"; several states are joined with ", ". */
    private static String states(String asserted) {
        List<String> states = new ArrayList<>();
        Matcher m = STATE.matcher(asserted);
        while (m.find()) {
            states.add(m.group(1).strip());
        }
        return states.isEmpty() ? asserted : String.join(", ", states);
    }
}
