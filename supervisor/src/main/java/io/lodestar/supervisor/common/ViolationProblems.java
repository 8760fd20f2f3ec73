package io.lodestar.supervisor.common;

import java.util.Collection;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Turns Bean Validation's findings on a request into one sentence: each field as the API names it
 * ({@code agent_ids[0]}, from {@link JsonFieldNames}) followed by its constraint's message, which is
 * written to read after the field name ("is required: …", "must be between 1 and 100").
 */
public final class ViolationProblems {

    private ViolationProblems() {
    }

    public static String detail(Collection<? extends ConstraintViolation<?>> violations) {
        String joined = violations.stream().map(ViolationProblems::sentence).sorted().distinct()
                .collect(Collectors.joining("; "));
        return joined.endsWith(".") ? joined : joined + ".";
    }

    /** A violation of a method's return value is the server's bug, not the caller's mistake. */
    public static boolean onReturnValue(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
    }

    static String sentence(ConstraintViolation<?> violation) {
        String field = field(violation.getPropertyPath());
        String message = violation.getMessage();
        return field.isEmpty() ? message : field + " " + message;
    }

    /** {@code nodes[0]}, {@code name}: the path below the method parameter, in JSON names. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (kind == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }

    private static java.util.Set<ElementKind> kinds(Path path) {
        java.util.Set<ElementKind> kinds = java.util.EnumSet.noneOf(ElementKind.class);
        path.forEach(node -> kinds.add(node.getKind()));
        return kinds;
    }
}
