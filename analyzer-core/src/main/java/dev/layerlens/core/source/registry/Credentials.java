package dev.layerlens.core.source.registry;

/**
 * What to prove identity with to a registry: a user name and password (or access token), or an
 * identity token (an OAuth2 refresh token that {@code docker login} stored). Never printed: the
 * string form names the user only.
 *
 * @param identityToken true when {@code secret} is a refresh token to trade for access tokens
 */
public record Credentials(String username, String secret, boolean identityToken) {

    public Credentials {
        if (username == null || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("credentials need a user name and a secret");
        }
    }

    public static Credentials password(String username, String password) {
        return new Credentials(username, password, false);
    }

    /**
     * Parses {@code USER:PASSWORD} (the password may hold colons; the user may not).
     *
     * @throws IllegalArgumentException naming the expected form, never echoing the text
     */
    public static Credentials parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("credentials must be USER:PASSWORD");
        }
        return password(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "Credentials[" + username + ", secret redacted]";
    }
}
