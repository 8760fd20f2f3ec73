package io.lodestar.supervisor.common;

import java.lang.reflect.Field;

import jakarta.inject.Singleton;

import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Constraint violations name a field as the caller wrote it ({@code agent_ids}), not as Java spells it
 * ({@code agentIds}): a record component's {@link JsonProperty} is its name in the API.
 */
@Singleton
public class JsonFieldNames implements PropertyNodeNameProvider {

    @Override
    public String getName(Property property) {
        if (property instanceof org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty bean) {
            return jsonName(bean.getDeclaringClass(), property.getName());
        }
        return property.getName();
    }

    static String jsonName(Class<?> type, String javaName) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(javaName);
                JsonProperty json = field.getAnnotation(JsonProperty.class);
                return json == null || json.value().isEmpty() ? javaName : json.value();
            } catch (NoSuchFieldException ignored) {
                // look in the superclass
            }
        }
        return javaName;
    }
}
