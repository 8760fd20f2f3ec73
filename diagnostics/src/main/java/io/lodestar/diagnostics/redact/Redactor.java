package io.lodestar.diagnostics.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that leaves the node ({@code redact_secrets}). Every rule leaves
 * {@value #MARK} where something was, so a reader knows a value existed. Rules, in order:
 * PEM private-key blocks; {@code Authorization} headers and bare bearer tokens; the password in
 * URL user info; values of secret-named keys in TOML, env, YAML, JSON, header and query forms;
 * AWS access key ids.
 */
public final class Redactor {

    public static final String MARK = "[REDACTED]";

    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile(
            "(-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----)(.*?)(-----END \\2PRIVATE KEY-----|\\z)", Pattern.DOTALL);

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?)(?:(bearer|basic|token|digest|negotiate)\\s+)?[^\\s\"',;]+",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern BEARER = Pattern.compile("\\b(Bearer)\\s+(?!\\[REDACTED])[A-Za-z0-9._~+/=-]{8,}");

    private static final Pattern URL_USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+):([^/\\s@]+)@");

    /** The secret word ends the key name (so {@code refresh_token_expiry} or {@code max_tokens_per_user} stay readable). */
    private static final String SECRET_KEY = "(?:[\\w.-]*?(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key"
            + "|private[_-]?key|credentials?|auth[_-]?key)(?:[_-]?(?:key|value))?|key)";

    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?<![\\w.-])([\"']?)(" + SECRET_KEY + ")\\1(\\s*[:=]\\s*)(\"(?:\\\\.|[^\"\\\\])*\"|'[^']*'|[^\\s,;&\"'}\\]]+)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern AWS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");

    private static final List<String> NOT_SECRETS = List.of("true", "false", "\"\"", "''", "null", "none");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = PEM_PRIVATE_KEY.matcher(text).replaceAll(m ->
                Matcher.quoteReplacement(m.group(1) + MARK + (m.group(4).isEmpty() ? "" : m.group(4))));
        out = AUTHORIZATION.matcher(out).replaceAll(m ->
                Matcher.quoteReplacement(m.group(1) + (m.group(2) == null ? "" : m.group(2) + " ") + MARK));
        out = BEARER.matcher(out).replaceAll("$1 " + Matcher.quoteReplacement(MARK));
        out = URL_USER_INFO.matcher(out).replaceAll("$1:" + Matcher.quoteReplacement(MARK) + "@");
        out = KEY_VALUE.matcher(out).replaceAll(Redactor::maskValue);
        return AWS_KEY_ID.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
    }

    public static boolean containsSecret(String text) {
        return text != null && !redact(text).equals(text);
    }

    private static String maskValue(java.util.regex.MatchResult m) {
        String value = m.group(4);
        if (NOT_SECRETS.contains(value.toLowerCase(java.util.Locale.ROOT)) || value.contains(MARK)) {
            return Matcher.quoteReplacement(m.group());
        }
        String quote = value.startsWith("\"") ? "\"" : value.startsWith("'") ? "'" : "";
        return Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(1) + m.group(3) + quote + MARK + quote);
    }
}
