package io.lodestar.diagnostics.checks;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.Check;

/** Holds the metadata every check declares. */
public abstract class AbstractCheck implements Check {

    private final String id;
    private final String title;
    private final Category category;

    protected AbstractCheck(String id, String title, Category category) {
        this.id = id;
        this.title = title;
        this.category = category;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Category category() {
        return category;
    }

    @Override
    public String toString() {
        return id;
    }
}
