package cn.gov.lvliang.renewal.testing.audit;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the JAX-RS resource classes of a module (classes with {@code @Path} compiled into its
 * output directory) and the audited methods whose class lacks the audit interceptor binding, so
 * that a new endpoint cannot forget to be audited in its own transaction. The annotations are
 * passed in: this module does not depend on the event platform.
 */
public final class AuditCoverage {

    private AuditCoverage() {}

    /** Every top-level or nested class with {@code @Path} under the package, from directories. */
    public static List<Class<?>> resourceClasses(String basePackage) {
        List<Class<?>> classes = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Enumeration<URL> roots = loader.getResources(basePackage.replace('.', '/'));
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (!"file".equals(root.getProtocol())) {
                    continue; // the module's own classes are a directory; dependencies are jars
                }
                java.nio.file.Path dir = Paths.get(root.toURI());
                try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
                    for (java.nio.file.Path file : files.filter(
                                    f -> f.toString().endsWith(".class")
                                            && !f.getFileName().toString().contains("-info"))
                            .toList()) {
                        String relative = dir.relativize(file).toString().replace('\\', '/');
                        String name = basePackage + "."
                                + relative.substring(0, relative.length() - ".class".length())
                                        .replace('/', '.');
                        Class<?> type;
                        try {
                            type = Class.forName(name, false, loader);
                        } catch (NoClassDefFoundError staleFile) {
                            // a class file an earlier build left under a name its class no longer has
                            continue;
                        }
                        if (type.isAnnotationPresent(Path.class)) {
                            classes.add(type);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    /**
     * The audited methods (per {@code audited}) of these resource classes whose class does not
     * carry {@code binding}, as {@code Class#method}.
     */
    public static List<String> uncovered(
            List<Class<?>> resourceClasses, Class<? extends Annotation> binding, Predicate<Method> audited) {
        List<String> uncovered = new ArrayList<>();
        for (Class<?> type : resourceClasses) {
            if (type.isAnnotationPresent(binding)) {
                continue;
            }
            for (Method method : type.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && audited.test(method)) {
                    uncovered.add(type.getName() + "#" + method.getName());
                }
            }
        }
        return uncovered.stream().sorted().toList();
    }
}
