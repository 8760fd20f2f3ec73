package io.lodestar.supervisor.common;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;

/**
 * Counting for lists that can hold millions of rows: an exact count reads every matching index entry
 * (tens of milliseconds per million on PostgreSQL, on every page), so these lists stop counting at
 * {@link #LIMIT} and say so (see {@link Page}).
 */
public final class Counts {

    public static final int LIMIT = 10_000;

    public record Bounded(long count, boolean capped) {
    }

    private Counts() {
    }

    /** How many {@code entity} rows match {@code where} (HQL on its properties), counting no further than {@link #LIMIT}. */
    public static Bounded upToLimit(Class<?> entity, String where, Parameters parameters) {
        var query = Panache.getEntityManager().createQuery("select count(*) from (select id as id from "
                + entity.getSimpleName() + " where " + where + " order by id desc limit " + (LIMIT + 1) + ") matching", Long.class);
        parameters.map().forEach(query::setParameter);
        long count = query.getSingleResult();
        return count > LIMIT ? new Bounded(LIMIT, true) : new Bounded(count, false);
    }
}
