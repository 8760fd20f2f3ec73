package io.lodestar.diagnostics.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough TOML for diagnostics: finds {@code [table]} headers and single-line
 * {@code key = value} pairs, and reports lines that fit no TOML shape. It is a structural check,
 * not a full parser: multi-line arrays and strings are tracked only to skip their bodies.
 */
public final class TomlLite {

    private static final Pattern TABLE = Pattern.compile("^\\[\\[?\\s*([A-Za-z0-9_.\"' -]+?)\\s*]]?\\s*(#.*)?$");
    private static final Pattern PAIR = Pattern.compile("^([A-Za-z0-9_\\-.\"']+)\\s*=\\s*(.+)$");

    private TomlLite() {
    }

    /** Values keyed {@code table.key}, quotes removed; only scalar single-line values. */
    public static Map<String, String> values(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        parse(lines, values, new ArrayList<>());
        return values;
    }

    /**
     * Where the file is not TOML-shaped ("line 12"); empty when it looks sound. The offending text
     * is left out on purpose: a malformed line in a config is often the one holding a secret.
     */
    public static List<String> problems(List<String> lines) {
        List<String> problems = new ArrayList<>();
        parse(lines, new LinkedHashMap<>(), problems);
        return problems;
    }

    private static void parse(List<String> lines, Map<String, String> values, List<String> problems) {
        String table = "";
        int openBrackets = 0;
        boolean inMultilineString = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (inMultilineString) {
                inMultilineString = !(line.contains("\"\"\"") || line.contains("'''"));
                continue;
            }
            if (openBrackets > 0) {
                openBrackets += depthChange(line);
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher t = TABLE.matcher(line);
            Matcher p = PAIR.matcher(line);
            if (t.matches()) {
                table = t.group(1).replace("\"", "").strip();
            } else if (p.matches()) {
                String value = p.group(2).strip();
                if (count(value, "\"\"\"") % 2 == 1 || count(value, "'''") % 2 == 1) {
                    inMultilineString = true;
                } else if (depthChange(value) > 0) {
                    openBrackets = depthChange(value);
                } else {
                    values.put((table.isEmpty() ? "" : table + ".") + p.group(1).replace("\"", ""), unquote(value));
                }
            } else {
                problems.add("line " + (i + 1));
            }
        }
        if (openBrackets > 0 || inMultilineString) {
            problems.add("end of file inside an unterminated array or string");
        }
    }

    static String unquote(String value) {
        String v = value;
        if ((v.startsWith("\"") || v.startsWith("'")) && v.length() >= 2) {
            char quote = v.charAt(0);
            int end = v.indexOf(quote, 1);
            return end > 0 ? v.substring(1, end) : v;
        }
        int comment = v.indexOf(" #");
        return comment > 0 ? v.substring(0, comment).strip() : v;
    }

    private static int depthChange(String text) {
        int depth = 0;
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '#') {
                break;
            } else if (!quoted && (c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ']' || c == '}')) {
                depth--;
            }
        }
        return depth;
    }

    private static int count(String text, String token) {
        int n = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length())) {
            n++;
        }
        return n;
    }
}
