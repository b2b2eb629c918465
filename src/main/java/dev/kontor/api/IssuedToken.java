package dev.kontor.api;

/** A token just created, with the secret that is shown this once and never stored. */
public record IssuedToken(ApiTokenRow token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + "]";
    }
}
