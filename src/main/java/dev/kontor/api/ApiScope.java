package dev.kontor.api;

/** What a token may do: READ only reads (GET); WRITE also changes, within its organization's rights. */
public enum ApiScope {
    READ, WRITE
}
