package io.lodestar.supervisor.common;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Says in the API's words why a request body could not be bound: malformed JSON with its line and
 * column, or the field (as the caller spelled it, {@code nodes}, {@code agent_ids}) with what it must
 * be and what came instead.
 */
public final class BindingProblems {

    static final String ID_EXAMPLE = "610809900976570889";

    private static final Pattern SCALAR = Pattern.compile("(?:String|Integer|Float|Boolean|Numeric) value \\((?!token )(.*?)\\)(?: to | out of range|$)");
    private static final Pattern SHAPE = Pattern.compile("from ([A-Za-z-]+) value");

    private BindingProblems() {
    }

    public static String detail(JsonProcessingException error) {
        JsonProcessingException cause = innermost(error);
        if (cause instanceof StreamReadException && !(cause instanceof InputCoercionException)) {
            return "The request body is not valid JSON: " + describe(cause) + ".";
        }
        List<String> path = path(error, cause);
        Class<?> target = target(error, cause);
        if (path.isEmpty()) {
            return "The request body must be a JSON object" + fields(target) + ".";
        }
        boolean element = path.get(path.size() - 1).startsWith("[");
        String field = String.join("", element ? path.subList(0, path.size() - 1) : path);
        String expected = expected(target, element);
        if (expected == null) {
            return field + " is not valid: " + describe(cause) + ".";
        }
        return field + (element ? " must hold " : " must be ") + expected + "; got " + got(cause) + ".";
    }

    /** Jackson's own sentence without its source excerpt, with the line and column it points at. */
    static String describe(JsonProcessingException error) {
        JsonLocation where = error.getLocation();
        String message = error.getOriginalMessage();
        int cut = message.indexOf('\n');
        String summary = (cut > 0 ? message.substring(0, cut) : message)
                .replaceAll("\\s*\\(start marker at \\[Source:[^]]*][^)]*\\)", "")
                .replaceAll("\\s*at \\[Source:[^]]*]", "");
        return where == null || where.getLineNr() < 1 ? summary
                : summary + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    private static JsonProcessingException innermost(JsonProcessingException error) {
        JsonProcessingException found = error;
        for (Throwable t = error.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                found = json;
            }
        }
        return found;
    }

    /** {@code ["nodes", "[0]"]}: the mapping's path, or where the parser stood for a bare parser error. */
    private static List<String> path(JsonProcessingException error, JsonProcessingException cause) {
        JsonMappingException mapping = error instanceof JsonMappingException m ? m
                : cause instanceof JsonMappingException m ? m : null;
        List<String> parts = new LinkedList<>();
        if (mapping != null) {
            mapping.getPath().forEach(r -> parts.add(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]"));
        } else if (cause.getProcessor() instanceof JsonParser parser) {
            for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
                parts.add(0, c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]" : "." + c.getCurrentName());
            }
        }
        if (!parts.isEmpty() && parts.get(0).startsWith(".")) {
            parts.set(0, parts.get(0).substring(1));
        }
        return parts;
    }

    private static Class<?> target(JsonProcessingException error, JsonProcessingException cause) {
        if (cause instanceof MismatchedInputException m && m.getTargetType() != null) {
            return m.getTargetType();
        }
        if (cause instanceof InputCoercionException c && c.getTargetType() != null) {
            return c.getTargetType();
        }
        return error instanceof MismatchedInputException m ? m.getTargetType() : null;
    }

    /** What a value of this Java type looks like in a body; {@code plural} for the elements of an array. */
    static String expected(Class<?> type, boolean plural) {
        if (type == null) {
            return null;
        }
        if (type == Long.class || type == long.class) {
            return (plural ? "integer ids" : "an integer id") + ", such as " + ID_EXAMPLE;
        }
        if (type == Integer.class || type == int.class || type == Short.class || type == short.class) {
            return plural ? "whole numbers" : "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return plural ? "JSON strings" : "a JSON string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(BindingProblems::wireName)
                    .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 UTC time such as 2027-01-31T00:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return plural ? "arrays" : "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return plural ? "JSON objects" : "a JSON object";
        }
        return null;
    }

    /** An enum constant as JSON spells it: its {@code @JsonValue}, else its name. */
    private static String wireName(Object constant) {
        for (java.lang.reflect.Method method : ((Enum<?>) constant).getDeclaringClass().getDeclaredMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                try {
                    method.setAccessible(true);
                    return String.valueOf(method.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    break;
                }
            }
        }
        return ((Enum<?>) constant).name();
    }

    /** What came instead, read from Jackson's sentence: the parser has moved on by the time the error is seen. */
    private static String got(JsonProcessingException cause) {
        if (cause instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            Object value = invalid.getValue();
            return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
        }
        String message = cause.getOriginalMessage();
        Matcher scalar = SCALAR.matcher(message);
        if (scalar.find()) {
            return scalar.group(1) + (cause instanceof InputCoercionException ? ", which is out of range" : "");
        }
        Matcher shape = SHAPE.matcher(message);
        if (shape.find()) {
            return switch (shape.group(1)) {
                case "Array" -> "an array";
                case "Object" -> "an object";
                case "Boolean" -> "a boolean";
                case "String" -> "a string";
                case "Null" -> "null";
                case "Floating-point" -> "a decimal number";
                default -> "a number";
            };
        }
        return "something else";
    }

    /** {@code ", such as {}, with the fields name, agent_ids"}: the body's record components as the API names them. */
    private static String fields(Class<?> target) {
        if (target == null || !target.isRecord()) {
            return ", such as {}";
        }
        return ", such as {}, with the fields " + Arrays.stream(target.getRecordComponents())
                .map(c -> JsonFieldNames.jsonName(target, c.getName())).collect(Collectors.joining(", "));
    }
}
