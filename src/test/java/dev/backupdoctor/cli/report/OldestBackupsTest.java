package dev.backupdoctor.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OldestBackupsTest {

    @Test
    void chunksAddedTogetherKeepTheFiftyOldestOfAllMostDaysFirstThenTheEarlierLine() {
        Random random = new Random(20241026L);
        List<OldestBackups.OldBackup> all = new ArrayList<>();
        OldestBackups fleet = new OldestBackups();
        long line = 0;
        for (int chunk = 0; chunk < 40; chunk++) {
            OldestBackups lines = new OldestBackups();
            for (int i = 0; i < 256; i++) {
                line++;
                OldestBackups.OldBackup backup = new OldestBackups.OldBackup(line, line % 2 == 0 ? "device-" + line : null,
                        random.nextInt(300));
                all.add(backup);
                lines.add(backup.line(), backup.id(), backup.days());
            }
            fleet.add(lines);
        }

        List<OldestBackups.OldBackup> oldest = all.stream()
                .sorted(Comparator.comparingInt((OldestBackups.OldBackup backup) -> -backup.days())
                        .thenComparingLong(OldestBackups.OldBackup::line))
                .limit(50).toList();
        assertThat(fleet.oldestFirst()).isEqualTo(oldest);
        assertThat(oldest.get(0).days()).as("ties on days among the oldest").isEqualTo(oldest.get(1).days());
    }

    @Test
    void fewerThanFiftyAreAllKept() {
        OldestBackups backups = new OldestBackups();
        backups.add(7, null, 3);
        backups.add(2, "b", 3);
        backups.add(9, "c", 40);

        assertThat(backups.oldestFirst()).containsExactly(new OldestBackups.OldBackup(9, "c", 40),
                new OldestBackups.OldBackup(2, "b", 3), new OldestBackups.OldBackup(7, null, 3));
    }
}
