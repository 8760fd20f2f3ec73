package io.lodestar.supervisor.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The Supervisor's package layers, bottom first: a package may use the packages of lower tiers only, and
 * hears from higher ones through the CDI events it defines. One definition, checked against the real code
 * ({@link SupervisorLayersTest}) and against a deliberately broken fixture ({@link LayerRuleFixtureTest}).
 */
public final class SupervisorLayers {

    /** Bottom first. {@code ""} is the root package (the app's settings, {@code SupervisorConfig}). */
    public static final List<List<String>> TIERS = List.of(
            List.of(""),
            List.of("common"),
            List.of("tenancy", "storage"),
            List.of("audit", "limits"),
            List.of("agent"),
            List.of("dispatch", "placement"),
            List.of("operation", "config", "snapshot"),
            List.of("activity"),
            List.of("iggy", "rollout"),
            List.of("deployment"),
            List.of("observe"),
            List.of("events"),
            List.of("webhook"),
            List.of("link", "console"));

    private SupervisorLayers() {
    }

    /** Each package uses only packages of lower tiers (siblings in a tier do not use each other). */
    public static ArchRule layers(String root) {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
        for (List<String> tier : TIERS) {
            for (String name : tier) {
                rule = rule.layer(layerName(name)).definedBy(name.isEmpty() ? root : root + "." + name + "..");
            }
        }
        for (int i = 0; i < TIERS.size(); i++) {
            List<String> above = new ArrayList<>();
            TIERS.subList(i + 1, TIERS.size()).forEach(tier -> tier.forEach(name -> above.add(layerName(name))));
            for (String name : TIERS.get(i)) {
                rule = above.isEmpty()
                        ? rule.whereLayer(layerName(name)).mayNotBeAccessedByAnyLayer()
                        : rule.whereLayer(layerName(name)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
        }
        return rule;
    }

    /** No two packages use each other, directly or around a circle. */
    public static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Every package below the root that holds classes, as the tiers name them. */
    public static List<String> packages() {
        return TIERS.stream().flatMap(List::stream).filter(name -> !name.isEmpty()).toList();
    }

    private static String layerName(String name) {
        return name.isEmpty() ? "root" : name;
    }
}
