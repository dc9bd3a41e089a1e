package dev.backupdoctor.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackupAgeTest {

    @Test
    void eachBucketEndsWhereTheNextBegins() {
        assertThat(BackupAge.of(0)).isEqualTo(BackupAge.DAYS_0_TO_1);
        assertThat(BackupAge.of(1)).isEqualTo(BackupAge.DAYS_0_TO_1);
        assertThat(BackupAge.of(2)).isEqualTo(BackupAge.DAYS_2_TO_6);
        assertThat(BackupAge.of(6)).isEqualTo(BackupAge.DAYS_2_TO_6);
        assertThat(BackupAge.of(7)).isEqualTo(BackupAge.DAYS_7_TO_13);
        assertThat(BackupAge.of(13)).isEqualTo(BackupAge.DAYS_7_TO_13);
        assertThat(BackupAge.of(14)).isEqualTo(BackupAge.DAYS_14_OR_MORE);
        assertThat(BackupAge.of(36_500)).isEqualTo(BackupAge.DAYS_14_OR_MORE);
        assertThat(BackupAge.of(null)).isEqualTo(BackupAge.UNKNOWN);
    }

    @Test
    void labelsAreTheReportsKeysInOrder() {
        assertThat(BackupAge.values()).extracting(BackupAge::label).containsExactly("0-1", "2-6", "7-13", "14+", "unknown");
    }
}
