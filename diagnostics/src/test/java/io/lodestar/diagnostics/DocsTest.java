package io.lodestar.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operator doc lists exactly the registered checks, with the right category, so it cannot drift. */
class DocsTest {

    static final Path DOC = Path.of("..", "docs", "operating", "diagnostics.md");
    static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9_.]+)` \\| ([a-z]+) \\|", Pattern.MULTILINE);

    @Test
    void everyRegisteredCheckIsDocumentedOnceUnderItsCategoryAndNothingElse() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String table = doc.substring(doc.indexOf("<!-- BEGIN CHECKS"), doc.indexOf("<!-- END CHECKS"));
        Set<String> documented = new LinkedHashSet<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            assertThat(documented.add(row.group(1))).as("documented twice: %s", row.group(1)).isTrue();
            Check check = CheckCatalog.factories().get(row.group(1)).get();
            assertThat(row.group(2)).as("category of %s", row.group(1)).isEqualTo(check.category().label());
        }
        assertThat(documented).containsExactlyElementsOf(CheckCatalog.ids());
    }
}
