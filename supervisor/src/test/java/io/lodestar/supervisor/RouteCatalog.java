package io.lodestar.supervisor;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/**
 * Every REST route the Supervisor has, read from its JAX-RS annotations: so tests that go over "every
 * route" follow the code and never a hand-written list that goes stale.
 */
public final class RouteCatalog {

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)(?:\\s*:[^}]*)?}");

    public record Route(String method, String template, Optional<Permission> permission, List<String> pathParameters,
            List<String> queryParameters, Method javaMethod) {

        /** The path with each parameter filled by {@code fill}. */
        public String path(java.util.function.Function<String, String> fill) {
            Matcher matcher = PARAMETER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(fill.apply(matcher.group(1))));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        /** The template as OpenAPI writes it: {@code {name}}, without a regular expression. */
        public String openApiPath() {
            return PARAMETER.matcher(template).replaceAll("{$1}");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private RouteCatalog() {
    }

    public static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> type : supervisorClasses()) {
            jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                httpMethod(method).ifPresent(verb -> routes.add(route(type, base, method, verb)));
            }
        }
        routes.sort(Comparator.comparing(Route::toString));
        return Collections.unmodifiableList(routes);
    }

    private static Route route(Class<?> type, jakarta.ws.rs.Path base, Method method, String verb) {
        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
        String joined = ("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
        String template = joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
        RequiresPermission required = Optional.ofNullable(method.getAnnotation(RequiresPermission.class))
                .orElse(type.getAnnotation(RequiresPermission.class));
        List<String> pathParameters = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(template);
        while (matcher.find()) {
            pathParameters.add(matcher.group(1));
        }
        List<String> query = Stream.of(method.getParameters())
                .map(p -> p.getAnnotation(QueryParam.class)).filter(q -> q != null).map(QueryParam::value).toList();
        Stream.of(method.getParameters()).map(p -> p.getAnnotation(PathParam.class)).filter(p -> p != null)
                .filter(p -> !pathParameters.contains(p.value()))
                .forEach(p -> {
                    throw new AssertionError(type.getSimpleName() + "." + method.getName() + " reads path parameter " + p.value()
                            + " that its route " + template + " does not have");
                });
        return new Route(verb, template, Optional.ofNullable(required).map(RequiresPermission::value), pathParameters, query,
                method);
    }

    private static Optional<String> httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return Optional.of("GET");
        }
        if (method.isAnnotationPresent(POST.class)) {
            return Optional.of("POST");
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return Optional.of("PUT");
        }
        if (method.isAnnotationPresent(PATCH.class)) {
            return Optional.of("PATCH");
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return Optional.of("DELETE");
        }
        return Optional.empty();
    }

    /** The compiled main classes of the Supervisor (the directory RouteCatalog's own package was compiled next to). */
    private static List<Class<?>> supervisorClasses() {
        List<Class<?>> classes = new ArrayList<>();
        try {
            URL anchor = SupervisorConfig.class.getProtectionDomain().getCodeSource().getLocation();
            Path root = Path.of(anchor.toURI());
            try (Stream<Path> files = Files.walk(root.resolve("io/lodestar/supervisor"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    classes.add(Class.forName(name, false, Thread.currentThread().getContextClassLoader()));
                }
            }
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("Could not list the Supervisor's classes", e);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("Found no Supervisor classes; the route catalog would be empty");
        }
        return classes;
    }
}
