package dev.backupdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.plan.Action;
import dev.backupdoctor.plan.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanOrderTest {

    static Action action(Kind kind, String id, Integer step) {
        return Action.of(kind, id, step).title(id).instructions("Do it.").reason("Because.").build();
    }

    @Test
    void kindThenStepThenCatalogBeforeExtensionsThenId() {
        List<Action> shuffled = List.of(
                action(Kind.TRY, "BACK_UP_WITH_COMPUTER", null),
                action(Kind.TRY, "ZEBRA_NO_STEP", null),
                action(Kind.TRY, "RESTART_IPHONE", 7),
                action(Kind.TRY, "ALPHA_STEP_7", 7),
                action(Kind.CHECK, "CONNECT_TO_POWER", 3),
                action(Kind.FIX, "MANAGED_DEVICE_POLICY", 1),
                action(Kind.FIX, "BETA_STEP_4", 4),
                action(Kind.FIX, "AARDVARK_STEP_4", 4),
                action(Kind.FIX, "UPGRADE_ICLOUD_STORAGE", 4),
                action(Kind.FIX, "TURN_ON_ICLOUD_BACKUP", 1));

        assertThat(Knowledge.plan(shuffled)).extracting(Action::id).containsExactly(
                "TURN_ON_ICLOUD_BACKUP",
                "MANAGED_DEVICE_POLICY",
                "UPGRADE_ICLOUD_STORAGE",
                "AARDVARK_STEP_4",
                "BETA_STEP_4",
                "CONNECT_TO_POWER",
                "RESTART_IPHONE",
                "ALPHA_STEP_7",
                "BACK_UP_WITH_COMPUTER",
                "ZEBRA_NO_STEP");
    }

    @Test
    void oneActionPerIdTheFirstInPlanOrder() {
        List<Action> plan = Knowledge.plan(List.of(
                action(Kind.TRY, "SIGN_OUT_AND_BACK_IN", 6),
                action(Kind.FIX, "SIGN_OUT_AND_BACK_IN", 6)));
        assertThat(plan).extracting(Action::kind).containsExactly(Kind.FIX);
    }
}
