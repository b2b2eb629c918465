package dev.kontor.partner;

/**
 * What a partner request link is worth when someone opens it. ANSWERED covers accepted and declined requests;
 * REPLACED a link superseded by a newer one; UNKNOWN forged and mistyped links.
 */
public enum RequestLinkState {
    OPEN, EXPIRED, ANSWERED, WITHDRAWN, REPLACED, UNKNOWN
}
