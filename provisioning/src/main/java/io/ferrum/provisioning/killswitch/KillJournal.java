package io.ferrum.provisioning.killswitch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kill switch's local, append-only journal ({@code FERRUM_HOME/kill-switch/journal.jsonl}): every record is
 * written and forced to disk before anything else happens with it, so an engage is audited even when PostgreSQL is
 * down; {@link #read()} gives every record for the copy into the database, which is keyed by record id and so copies
 * each exactly once however often it runs. A torn last line (a crash mid-write) is skipped, not fatal.
 */
public final class KillJournal {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final Path file;

    public KillJournal(Path directory) {
        this.file = directory.resolve("journal.jsonl");
    }

    public Path path() {
        return file;
    }

    public synchronized void append(JournalRecord record) {
        byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the kill-switch journal " + file, e);
        }
    }

    public synchronized List<JournalRecord> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JournalRecord> records = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(JSON.readValue(line, JournalRecord.class));
                } catch (RuntimeException torn) {
                    // only a crash mid-append leaves a partial line, and only as the last one
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kill-switch journal " + file, e);
        }
        return records;
    }
}
