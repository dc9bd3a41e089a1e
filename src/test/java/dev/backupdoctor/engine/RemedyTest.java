package dev.backupdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.ModelFamily;
import dev.backupdoctor.facts.Remedy;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An explanation finds the rules that can propose an id from the name of the {@link Remedy} method
 * their consequence calls: each method's name must give the id, and the kind, of what it builds.
 */
class RemedyTest {

    private static final long GB = 1_000_000_000L;

    /** A value of each parameter type the methods take; the wording is CatalogTest's business. */
    private static final Map<Class<?>, Object> SAMPLES = Map.of(
            WifiStatus.class, new WifiStatus(Answer.NO, Answer.NO, null),
            Integer.class, 1,
            int.class, 14,
            String.class, "iPhone 15 Pro",
            Cable.class, Cable.APPLE,
            ModelFamily.class, ModelFamily.FACE_ID,
            ServiceState.class, ServiceState.AVAILABLE,
            StorageStatus.class, new StorageStatus(5 * GB, 4 * GB, 2 * GB, List.of(), List.of()),
            DeviceInfo.class, new DeviceInfo("iPhone 15 Pro", IosVersion.parse("17.1"), IosVersion.parse("17.2"), Answer.YES));

    static List<Method> builders() {
        return Stream.of(Remedy.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getReturnType() == Action.Builder.class)
                .toList();
    }

    @Test
    void eachMethodIsNamedAfterTheIdAndTheKindItBuilds() throws Exception {
        Set<String> covered = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Method method : builders()) {
            Object[] arguments = Stream.of(method.getParameterTypes()).map(SAMPLES::get).toArray();
            Action action = ((Action.Builder) method.invoke(null, arguments)).build();
            String named = Catalog.idOfRemedyMethod(method.getName()).orElse("(no id)");
            String camel = action.id().replace("_", "").toLowerCase(Locale.ROOT);
            String suffix = method.getName().toLowerCase(Locale.ROOT).substring(Math.min(camel.length(), method.getName().length()));
            boolean kindFits = suffix.isEmpty() || suffix.equals(action.kind().name().toLowerCase(Locale.ROOT));
            if (!named.equals(action.id()) || !kindFits) {
                wrong.add(method.getName() + " builds " + action.kind() + " " + action.id());
            }
            covered.add(action.id());
        }
        assertThat(wrong).isEmpty();
        assertThat(covered).as("every catalog entry has a method").containsExactlyInAnyOrderElementsOf(Catalog.IDS);
        assertThat(builders()).hasSizeGreaterThanOrEqualTo(Catalog.IDS.size());
    }

    @Test
    void namesThatAreNoRemedyMapToNoId() {
        assertThat(Catalog.idOfRemedyMethod("values")).isEmpty();
        assertThat(Catalog.idOfRemedyMethod("connectToWifiMaybe")).isEmpty();
        assertThat(Catalog.idOfRemedyMethod("connectToWifiCheck")).contains("CONNECT_TO_WIFI");
        assertThat(Catalog.idOfRemedyMethod("checkSystemStatus")).contains("CHECK_SYSTEM_STATUS");
    }

    @Test
    void theCatalogOrderIsTheOrderOfTheConstants() {
        assertThat(Catalog.IDS).first().isEqualTo("ALLOW_ICLOUD_BACKUP");
        assertThat(Catalog.IDS).last().isEqualTo("BACK_UP_WITH_COMPUTER");
        assertThat(Catalog.position("CONNECT_TO_WIFI")).isLessThan(Catalog.position("CONNECT_TO_POWER"));
        assertThat(Catalog.position("MY_OWN_ACTION")).isEqualTo(Integer.MAX_VALUE);
    }
}
