package io.lodestar.warden.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;

/**
 * The Warden's package layers, the lowest first: a package may use its own layer's packages and
 * those of the layers below it, never those above; every class belongs to a layer; and no
 * packages depend on each other in a circle. The rules take the root package, so the test of the
 * Warden and the test of a deliberately broken fixture check the same rules.
 */
final class WardenLayers {

    /** One layer: its name and its packages below the root ({@code ""} is the root package itself). */
    record Layer(String name, List<String> packages) {

        Layer(String name, String... packages) {
            this(name, List.of(packages));
        }

        String[] identifiers(String root) {
            return packages.stream().map(p -> p.isEmpty() ? root : root + "." + p + "..").toArray(String[]::new);
        }
    }

    /** Drawn in docs/architecture.md ("Warden packages"); keep the two together. */
    static final List<Layer> LAYERS = List.of(
            new Layer("configuration", "config"),
            new Layer("local facts", "identity", "state"),
            new Layer("node", "runtime", "logs", "metrics"),
            new Layer("tasks", "task"),
            new Layer("snapshot", "snapshot"),
            new Layer("link", "link"),
            new Layer("agent", ""));

    private WardenLayers() {
    }

    /** Lower layers never use higher ones; every class of {@code root} is in a layer. */
    static ArchRule layersRunOneWay(String root) {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture();
        for (Layer layer : LAYERS) {
            architecture = architecture.layer(layer.name()).definedBy(layer.identifiers(root));
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(Layer::name).toArray(String[]::new);
            architecture = above.length == 0
                    ? architecture.whereLayer(LAYERS.get(i).name()).mayNotBeAccessedByAnyLayer()
                    : architecture.whereLayer(LAYERS.get(i).name()).mayOnlyBeAccessedByLayers(above);
        }
        return architecture.as("the packages of " + root + " use only their own layer and the layers below it: "
                + String.join(" < ", LAYERS.stream().map(Layer::name).toList()));
    }

    /** No two packages below {@code root} reach each other, directly or around a circle. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles()
                .as("the packages of " + root + " form no cycle");
    }
}
