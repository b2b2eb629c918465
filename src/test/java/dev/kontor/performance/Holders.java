package dev.kontor.performance;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks everything one session reaches (stopping at what all sessions share) and sums the objects' estimated shallow
 * sizes by their holder: the nearest object on the path that is not a JDK collection, string or array, and the field
 * of it that leads there. That names the place in Vaadin's or Kontor's code which keeps the bytes, which a class
 * histogram (all HashMap nodes in one line) cannot. Needs the JDK's packages opened to reflection
 * ({@code --add-opens}); what stays closed is counted without its contents.
 */
final class Holders {

    private static final int LINES = Integer.getInteger("kontor.holders", 30);

    private final Set<Object> stops;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, long[]> byHolder = new HashMap<>();
    private final Map<Class<?>, List<Field>> fields = new HashMap<>();

    Holders(Set<Object> stops) {
        this.stops = stops;
    }

    private record Step(Object object, String holder) {
    }

    String walk(Object root) {
        Deque<Step> work = new ArrayDeque<>();
        work.push(new Step(root, "(session root)"));
        long total = 0;
        while (!work.isEmpty()) {
            Step step = work.pop();
            Object object = step.object();
            if (object == null || stops.contains(object) || !seen.add(object) || shared(object)) {
                continue;
            }
            Class<?> type = object.getClass();
            long size = shallowSize(object);
            total += size;
            long[] sum = byHolder.computeIfAbsent(step.holder(), key -> new long[2]);
            sum[0] += size;
            sum[1]++;
            boolean plain = isPlain(type);
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (int i = 0, n = Array.getLength(object); i < n; i++) {
                        work.push(new Step(Array.get(object, i), step.holder()));
                    }
                }
                continue;
            }
            for (Field field : fieldsOf(type)) {
                if (field.getType().isPrimitive()) {
                    continue;
                }
                Object value;
                try {
                    value = field.get(object);
                } catch (IllegalAccessException | RuntimeException e) {
                    continue;
                }
                String holder = plain ? step.holder()
                        : type.getName().replaceAll("\\$\\$Lambda.*", java.util.regex.Matcher.quoteReplacement("$$Lambda")) + "." + field.getName();
                work.push(new Step(value, holder));
            }
        }
        StringBuilder lines = new StringBuilder(String.format(Locale.ROOT,
                "  reached from the session (estimated): %.1f KB; by holder:%n", total / 1024.0));
        byHolder.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(LINES)
                .forEach(entry -> lines.append(String.format(Locale.ROOT, "  %8.1f KB %6d objects  %s%n",
                        entry.getValue()[0] / 1024.0, entry.getValue()[1], entry.getKey())));
        return lines.toString();
    }

    /** Classes, class loaders, threads, enum constants and the like belong to the whole server. */
    private static boolean shared(Object object) {
        return object instanceof Class<?> || object instanceof ClassLoader || object instanceof Thread
                || object instanceof Enum<?> || object instanceof Module || object instanceof java.lang.ref.Reference<?>
                || object.getClass().getName().startsWith("java.lang.invoke.")
                || object.getClass().getName().startsWith("java.lang.reflect.");
    }

    /** JDK containers and values: their bytes count for whoever holds them. */
    private static boolean isPlain(Class<?> type) {
        String name = type.getName();
        return type.isArray() || name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || name.startsWith("kotlin.");
    }

    private List<Field> fieldsOf(Class<?> type) {
        return fields.computeIfAbsent(type, key -> {
            List<Field> list = new ArrayList<>();
            for (Class<?> at = key; at != null; at = at.getSuperclass()) {
                for (Field field : at.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        list.add(field);
                    } catch (RuntimeException closed) {
                        // a JDK package not opened: counted, not entered
                    }
                }
            }
            return list;
        });
    }

    private static long shallowSize(Object object) {
        Class<?> type = object.getClass();
        if (type.isArray()) {
            Class<?> component = type.getComponentType();
            long each = component == long.class || component == double.class ? 8
                    : component == int.class || component == float.class || !component.isPrimitive() ? 4
                    : component == short.class || component == char.class ? 2 : 1;
            return align(16 + each * Array.getLength(object));
        }
        long size = 12;
        for (Class<?> at = type; at != null; at = at.getSuperclass()) {
            for (Field field : at.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Class<?> t = field.getType();
                size += t == long.class || t == double.class ? 8
                        : t == int.class || t == float.class || !t.isPrimitive() ? 4
                        : t == short.class || t == char.class ? 2 : 1;
            }
        }
        return align(size);
    }

    private static long align(long size) {
        return (size + 7) / 8 * 8;
    }
}
