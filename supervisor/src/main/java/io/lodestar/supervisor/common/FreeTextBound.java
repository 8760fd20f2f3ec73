package io.lodestar.supervisor.common;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * Cuts every {@link FreeText} field of an entity to its column's length just before the row is inserted or
 * updated. Text over a column's length fails the statement, and with it the whole transaction: a Warden's
 * report, the gRPC stream that carried it. Code that compares a stored text with a new one, or writes one
 * outside an entity, uses {@link #cut} so it sees and writes exactly what is stored.
 */
public class FreeTextBound {

    private static final ClassValue<List<Field>> FREE_TEXT_FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
                for (Field field : declaring.getDeclaredFields()) {
                    if (field.isAnnotationPresent(FreeText.class)) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return List.copyOf(fields);
        }
    };

    @PrePersist
    @PreUpdate
    void bound(Object entity) {
        for (Field field : FREE_TEXT_FIELDS.get(entity.getClass())) {
            try {
                String text = (String) field.get(entity);
                String stored = cut(text, lengthOf(field));
                if (stored != text) {
                    field.set(entity, stored);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot bound " + field + " to its column", e);
            }
        }
    }

    /** The field's column length, JPA's default of 255 when its {@code @Column} gives none. */
    public static int lengthOf(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column == null ? 255 : column.length();
    }

    /**
     * The text as a column of {@code length} characters stores it: unchanged when it fits; otherwise its start
     * followed by {@code "… (cut at <length> characters)"}, {@code length} characters in all (one fewer rather
     * than split a surrogate pair). Characters are counted as Java counts them (UTF-16 units), never fewer than
     * the database does. A NUL character becomes U+FFFD: PostgreSQL refuses NUL in text, which would fail the
     * statement as a too long text does (a Warden may pass on a process's output byte for byte).
     */
    public static String cut(String text, int length) {
        if (text != null && text.indexOf('\0') >= 0) {
            text = text.replace('\0', '\uFFFD');
        }
        if (text == null || text.length() <= length) {
            return text;
        }
        String marker = "… (cut at " + length + " characters)";
        int kept = length - marker.length();
        if (kept < 1) {
            throw new IllegalArgumentException("A column of " + length + " characters has no room for the marker " + marker);
        }
        if (Character.isHighSurrogate(text.charAt(kept - 1))) {
            kept--;
        }
        return text.substring(0, kept) + marker;
    }
}
