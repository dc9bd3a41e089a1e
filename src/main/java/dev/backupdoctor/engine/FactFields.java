package dev.backupdoctor.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Drools' "Unable to parse left part of expression: conected == Answer.NO" into what the
 * writer of the rule needs: the fact type has no such field, and the fields it has.
 */
final class FactFields {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+?)(\\.\\*)?\\s*;?\\s*$", Pattern.MULTILINE);
    private static final Pattern LEFT_NAME = Pattern.compile("^[\\s!(]*([A-Za-z_$][\\w$]*)");
    private static final Pattern TYPE_BEFORE = Pattern.compile("([A-Za-z_$][\\w$.]*)\\s*$");

    /** The fields a fact type offers to constraints: record components, or else bean properties; read once per class. */
    private static final ClassValue<List<String>> FIELDS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            if (type.isRecord()) {
                return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            }
            List<String> names = new ArrayList<>();
            for (Method method : type.getMethods()) {
                String name = method.getName();
                if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
                        || method.getDeclaringClass() == Object.class) {
                    continue;
                }
                if (name.startsWith("get") && name.length() > 3) {
                    names.add(decapitalize(name.substring(3)));
                } else if (name.startsWith("is") && name.length() > 2
                        && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
                    names.add(decapitalize(name.substring(2)));
                }
            }
            return names.stream().distinct().sorted().toList();
        }
    };

    private FactFields() {
    }

    /** As the JavaBeans convention names a property ({@code getURL}: {@code URL}), without java.beans and so java.desktop. */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * @param drl the rule file
     * @param offset where the constraint {@code expression} starts in it
     * @return the message, when the constraint's left-hand name is not a field of the pattern's fact type
     */
    static Optional<String> unknownField(String drl, int offset, String expression) {
        Matcher left = LEFT_NAME.matcher(expression);
        if (!left.find()) {
            return Optional.empty();
        }
        String field = left.group(1);
        return patternType(drl, offset).flatMap(typeName -> load(drl, typeName)).flatMap(type -> {
            List<String> fields = FIELDS.get(type);
            if (fields.isEmpty() || fields.contains(field)) {
                return Optional.empty();
            }
            return Optional.of(type.getSimpleName() + " has no field \"" + field + "\"; its fields are: " + String.join(", ", fields));
        });
    }

    /** The name before the parenthesis that encloses {@code offset}: {@code WifiStatus} in {@code WifiStatus( x == 1 )}. */
    private static Optional<String> patternType(String drl, int offset) {
        int depth = 0;
        for (int i = Math.min(offset, drl.length()) - 1; i >= 0; i--) {
            char c = drl.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth-- == 0) {
                Matcher type = TYPE_BEFORE.matcher(drl.substring(Math.max(0, i - 200), i));
                return type.find() ? Optional.of(type.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> load(String drl, String typeName) {
        List<String> candidates = new ArrayList<>();
        if (typeName.contains(".")) {
            candidates.add(typeName);
        }
        Matcher imports = IMPORT.matcher(drl);
        while (imports.find()) {
            String imported = imports.group(1);
            if (imports.group(2) != null) {
                candidates.add(imported + "." + typeName);
            } else if (imported.endsWith("." + typeName)) {
                candidates.add(imported);
            }
        }
        for (String candidate : candidates) {
            for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), FactFields.class.getClassLoader()}) {
                try {
                    return Optional.of(Class.forName(candidate, false, loader));
                } catch (ClassNotFoundException | LinkageError notThere) {
                    // the next candidate
                }
            }
        }
        return Optional.empty();
    }
}
