package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A prepared relationship request: the e-mail as it will be sent (to review and copy) and all that sending needs.
 * Preparing changes nothing; only {@code sendRequest} makes the request. Only {@link PartnerService} makes a draft
 * (the constructor is the package's own), and sending checks the customer and the manager again, so a draft cannot
 * be forged into a request the partner could not have prepared. The token of the personal link exists nowhere
 * else until the request is sent.
 */
public final class RequestDraft {

    private final long partnerId;
    private final long customerId;
    private final String customerName;
    private final String customerNumber;
    private final Set<OrganizationRight> rights;
    private final String token;
    private final Instant expiresAt;
    private final String recipient;
    private final String subject;
    private final String body;

    RequestDraft(long partnerId, long customerId, String customerName, String customerNumber,
                 Set<OrganizationRight> rights, String token, Instant expiresAt, String recipient, String subject,
                 String body) {
        this.partnerId = partnerId;
        this.customerId = customerId;
        this.customerName = customerName;
        this.customerNumber = customerNumber;
        this.rights = EnumSet.copyOf(rights);
        this.token = token;
        this.expiresAt = expiresAt;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
    }

    long partnerId() {
        return partnerId;
    }

    long customerId() {
        return customerId;
    }

    String customerName() {
        return customerName;
    }

    /** The customer as the e-mail names it. */
    String customerLabel() {
        return customerName + " (" + customerNumber + ")";
    }

    Set<OrganizationRight> rights() {
        return EnumSet.copyOf(rights);
    }

    String token() {
        return token;
    }

    /** Until when the link will work, as the e-mail says. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }
}
