package dev.backupdoctor.support;

import java.lang.reflect.Field;

/**
 * The limits the code keeps to itself: a limit no other package needs is package-private in its own,
 * and tests (and the documents' limit tables they check) read it by name.
 */
public final class Limits {

    private Limits() {
    }

    /**
     * A limit's value.
     *
     * @param type the class that keeps it
     * @param field the constant's name, such as {@code MAX_FIRINGS}
     * @return its value, as a {@code long}
     */
    public static long of(Class<?> type, String field) {
        try {
            Field constant = type.getDeclaredField(field);
            constant.setAccessible(true);
            return constant.getLong(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getName() + " keeps no limit " + field, e);
        }
    }

    /**
     * A limit's value, from a class the test cannot name.
     *
     * @param className the class's full name
     * @param field the constant's name
     * @return its value, as a {@code long}
     */
    public static long of(String className, String field) {
        try {
            return of(Class.forName(className), field);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + className, e);
        }
    }
}
