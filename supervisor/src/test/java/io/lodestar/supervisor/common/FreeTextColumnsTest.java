package io.lodestar.supervisor.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every entity text column longer than a name is either {@link FreeText}, cut to fit by {@link FreeTextBound}, or
 * listed here with why nothing longer can reach it: a new column cannot forget its bound. The column sizes are read
 * from the database the migrations built, so the entities' {@code @Column(length)} cannot drift from them.
 */
@QuarkusTest
class FreeTextColumnsTest {

    /** Longer than a name (the API refuses one past 200 characters): the size of a column for text from elsewhere. */
    private static final int FREE_TEXT_FROM = 255;

    /** Columns of that size that hold no free text, and what bounds them instead. */
    private static final Map<String, String> NOT_FREE_TEXT = Map.of(
            "api_keys.permissions", "permission names the Supervisor joins",
            "deployment_nodes.cluster_ip", "the API refuses a cluster.nodes[].ip over 255 characters; else the agent's address",
            "deployment_nodes.cluster_ports", "port numbers the Supervisor formats",
            "deployments.cluster_name", "the API refuses a cluster.name over 200 characters",
            "events.data", "JSON: EventLog fits it to the column, cutting its texts",
            "runtime_configs.content", "the API refuses content over 262,144 characters",
            "snapshots.object_key", "a key the Supervisor builds from ids",
            "tasks.request", "text, unbounded: the task's link message as sent",
            "webhooks.event_types", "event type names the Supervisor joins",
            "webhooks.url", "the API refuses a URL over 2,000 characters");

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    /** {@code table.column} → its size, for every bounded varchar column. */
    private final Map<String, Integer> varchars = new HashMap<>();
    private final List<EntityText> texts = new ArrayList<>();

    private record EntityText(Class<?> entity, Field field, String column) {
        boolean free() {
            return field.isAnnotationPresent(FreeText.class);
        }
    }

    @BeforeEach
    void readColumnsAndEntities() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet column = connection.getMetaData().getColumns(null, null, "%", "%")) {
            while (column.next()) {
                if (column.getInt("DATA_TYPE") == Types.VARCHAR && column.getInt("COLUMN_SIZE") < Integer.MAX_VALUE) {
                    varchars.put(lower(column.getString("TABLE_NAME")) + "." + lower(column.getString("COLUMN_NAME")),
                            column.getInt("COLUMN_SIZE"));
                }
            }
        }
        for (var type : entityManager.getMetamodel().getEntities()) {
            Class<?> entity = type.getJavaType();
            String table = entity.getAnnotation(Table.class).name();
            for (Class<?> declaring = entity; declaring != Object.class; declaring = declaring.getSuperclass()) {
                for (Field field : declaring.getDeclaredFields()) {
                    if (field.getType() == String.class && !Modifier.isStatic(field.getModifiers())) {
                        Column column = field.getAnnotation(Column.class);
                        String name = column != null && !column.name().isEmpty() ? column.name() : field.getName();
                        texts.add(new EntityText(entity, field, table + "." + lower(name)));
                    }
                }
            }
        }
        assertThat(varchars).as("the columns the migrations made").containsEntry("tasks.message", 2000);
        assertThat(texts).as("the entities' text fields").isNotEmpty();
    }

    @Test
    void everyLongTextColumnIsFreeTextOrSaysWhatBoundsIt() {
        List<String> unbounded = texts.stream()
                .filter(text -> varchars.getOrDefault(text.column(), 0) >= FREE_TEXT_FROM)
                .filter(text -> !text.free() && !NOT_FREE_TEXT.containsKey(text.column()))
                .map(text -> text.column() + " (" + varchars.get(text.column()) + " characters, " + text.entity().getSimpleName()
                        + "." + text.field().getName() + ")")
                .toList();
        assertThat(unbounded).as("mark these @FreeText, or list them in NOT_FREE_TEXT with what keeps them short").isEmpty();
    }

    @Test
    void everyFreeTextFieldStatesItsColumnsSizeAndIsCutByTheListener() {
        List<EntityText> free = texts.stream().filter(EntityText::free).toList();
        assertThat(free).extracting(EntityText::column).contains("tasks.message", "deployment_events.message",
                "activities.message", "operations.message", "operation_log_lines.line", "audit_events.route");
        for (EntityText text : free) {
            int length = FreeTextBound.lengthOf(text.field());
            assertThat(varchars).as(text.column() + " is a varchar column").containsKey(text.column());
            assertThat(length).as(text.column() + ": @Column(length) is the column's size").isEqualTo(varchars.get(text.column()));
            assertThat(listenersOf(text.entity())).as(text.entity().getSimpleName() + " names FreeTextBound in @EntityListeners")
                    .contains(FreeTextBound.class);
            assertThat(FreeTextBound.cut("x".repeat(length + 1), length)).as(text.column() + " has room for the marker")
                    .hasSize(length);
        }
    }

    @Test
    void everyColumnSaidNotToBeFreeTextExistsAndIsNotMarked() {
        for (String column : NOT_FREE_TEXT.keySet()) {
            assertThat(texts).as(column + " is an entity's text column").anyMatch(text -> text.column().equals(column));
            assertThat(texts).as(column + " is not @FreeText as well").noneMatch(text -> text.column().equals(column) && text.free());
        }
    }

    private static List<Class<?>> listenersOf(Class<?> entity) {
        List<Class<?>> listeners = new ArrayList<>();
        for (Class<?> type = entity; type != Object.class; type = type.getSuperclass()) {
            EntityListeners declared = type.getAnnotation(EntityListeners.class);
            if (declared != null) {
                listeners.addAll(Arrays.asList(declared.value()));
            }
        }
        return listeners;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
