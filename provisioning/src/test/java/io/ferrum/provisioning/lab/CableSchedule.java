package io.ferrum.provisioning.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the shared cable-schedule CSV (RFC 4180 quoting, single-line records) for lab tests. */
record CableSchedule(List<Cable> cables) {

    static final String HEADER = "label,a_rack,a_u,a_device,a_port,b_rack,b_u,b_device,b_port,type,colour,length_m,status";
    private static final Set<String> DATA_TYPES = Set.of("dac", "aoc", "smf", "mmf", "cat5e", "cat6", "cat6a");

    record Cable(String label, String aDevice, String aPort, String bDevice, String bPort, String type) {
    }

    /** One end of a cable as LLDP on {@code device} should report it. */
    record LldpView(String device, String localPort, String remoteDevice, String remotePort) {
    }

    static CableSchedule read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (!lines.get(0).strip().equals(HEADER)) {
            throw new IllegalArgumentException(csv + ": unexpected header " + lines.get(0));
        }
        List<Cable> cables = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line.strip());
            cables.add(new Cable(f.get(0), f.get(3), f.get(4), f.get(7), f.get(8), f.get(9)));
        }
        return new CableSchedule(cables);
    }

    List<Cable> dataCables() {
        return cables.stream().filter(c -> DATA_TYPES.contains(c.type())).toList();
    }

    List<String> devices() {
        return dataCables().stream().flatMap(c -> java.util.stream.Stream.of(c.aDevice(), c.bDevice())).distinct().toList();
    }

    Set<LldpView> expectedLldp() {
        Set<LldpView> views = new java.util.HashSet<>();
        for (Cable c : dataCables()) {
            views.add(new LldpView(c.aDevice(), c.aPort(), c.bDevice(), c.bPort()));
            views.add(new LldpView(c.bDevice(), c.bPort(), c.aDevice(), c.aPort()));
        }
        return views;
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
