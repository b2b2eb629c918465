package dev.kontor.partner;

/** Someone to tell about a change: e-mail address and name. */
record Recipient(String email, String displayName) {
}
