package dev.kontor.security;

/** Which ids an attempt passes: the victim's real ones, or ids that name nothing in several shapes. */
enum IdVariant {
    FOREIGN, UNKNOWN, NEGATIVE, HUGE,
    /** Text parameters (customer numbers, tokens, search text) that are not what they should be. */
    MALFORMED
}
