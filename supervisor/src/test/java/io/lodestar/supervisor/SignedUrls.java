package io.lodestar.supervisor;

import java.net.URI;

/** Alterations of signed download URLs, for the tests that they are refused. */
public final class SignedUrls {

    private SignedUrls() {
    }

    /**
     * The URL with the first character of the {@code parameter}'s value changed to another one (a tamper
     * that happens to write the same character would prove nothing).
     */
    public static URI tampered(String url, String parameter) {
        int at = url.indexOf(parameter + "=");
        if (at < 0) {
            throw new IllegalArgumentException(url + " has no " + parameter);
        }
        at += parameter.length() + 1;
        char replacement = url.charAt(at) == '0' ? '1' : '0';
        return URI.create(url.substring(0, at) + replacement + url.substring(at + 1));
    }
}
