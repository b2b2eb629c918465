package dev.kontor.partner;

/** How a prepared relationship request reaches the customer's manager. */
public enum RequestDelivery {
    /** Kontor e-mails it (at most once a day per partner and customer). */
    KONTOR_MAILS,
    /** The partner copied the text to send it from its own mail program: the request exists, Kontor mails nothing. */
    PARTNER_COPIED
}
