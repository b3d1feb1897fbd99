package io.ferrum.provisioning.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill plan on disk and the journal: what engage trusts when the database is gone. */
class KillPlanFileTest {

    @TempDir
    Path dir;

    private static KillPlan plan() {
        return new KillPlan(42, Instant.parse("2026-12-03T10:00:00Z"), List.of(
                new KillLink("XAMS-1", "XAMS", "xams", "ams1", "ams1-border01", "198.18.0.1", "Ethernet3/1"),
                new KillLink("XLON-1", "XLON", "xlon", "ams1", "ams1-border02", "198.18.0.2", "Ethernet3/1")));
    }

    @Test
    void aWrittenPlanReadsBackEqualAndNoFileIsNoPlan() {
        KillPlanFile file = new KillPlanFile(dir);
        assertThat(file.read()).isEmpty();
        file.write(plan());
        assertThat(file.read()).contains(plan());
        assertThat(plan().in(new KillScope(KillScope.Kind.EXCHANGE, "XAMS"))).extracting(KillLink::circuitId)
                .containsExactly("XAMS-1");
        assertThat(plan().in(KillScope.all())).hasSize(2);
    }

    @Test
    void anEditedOrTruncatedPlanIsRefusedNeverUsed() throws Exception {
        KillPlanFile file = new KillPlanFile(dir);
        file.write(plan());
        String text = Files.readString(file.path(), StandardCharsets.UTF_8);
        // someone takes a border out of the plan by hand: the hash no longer matches
        Files.writeString(file.path(), text.replace("ams1-border02", "ams1-border09"), StandardCharsets.UTF_8);
        assertThatThrownBy(file::read).isInstanceOf(KillPlanFile.TamperedPlanException.class)
                .hasMessageContaining("integrity check");
        Files.writeString(file.path(), text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
        assertThatThrownBy(file::read).isInstanceOf(KillPlanFile.TamperedPlanException.class);
        // a new write replaces it whole
        file.write(plan());
        assertThat(file.read()).contains(plan());
    }

    @Test
    void theJournalKeepsEveryRecordInOrderAndSkipsATornLastLine() throws Exception {
        KillJournal journal = new KillJournal(dir);
        journal.append(new JournalRecord("a", "e1", Instant.parse("2026-12-03T10:00:00Z"), "engage-started", "op1",
                Map.of("scope", "exchange XAMS")));
        journal.append(new JournalRecord("b", "e1", Instant.parse("2026-12-03T10:00:01Z"), "link", "op1",
                Map.of("circuit", "XAMS-1", "state", "down-verified")));
        Files.writeString(journal.path(), "{\"id\":\"c\",\"engagement\":\"e1\",\"at\":\"2026-12-0",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(journal.read()).extracting(JournalRecord::id).containsExactly("a", "b");
        assertThat(journal.read().get(1).detail()).containsEntry("state", "down-verified");
    }
}
