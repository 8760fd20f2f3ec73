package io.lodestar.supervisor.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entity's text field whose length Lodestar does not choose: a Warden's words, a remote server's error, a
 * path a caller sent, or a sentence built from them. Such a text is stored cut to its column's
 * {@code @Column(length)}, with a marker, by {@link FreeTextBound} (named in the entity's
 * {@code @EntityListeners}), so a long one never fails the write that carries it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface FreeText {
}
