package dev.kontor.contact;

import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.PhoneNumbers;
import dev.kontor.base.PublicAddress;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.SecretTokens;
import dev.kontor.base.StaleData;
import dev.kontor.base.TextRules;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.invitation.InvitationLimit;
import dev.kontor.user.EmailAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's contacts. Reading needs VIEW, changing needs MANAGE_CONTACTS in that organization. A user-linked
 * contact's new e-mail address is held back until the new address confirms it through a one-time link.
 */
@Service
@Transactional
public class ContactService {

    /** The limits of a contact's fields, for the form that fills them. */
    public static final int NAME_MAX_LENGTH = Contact.NAME_MAX_LENGTH;
    public static final int JOB_TITLE_MAX_LENGTH = Contact.JOB_TITLE_MAX_LENGTH;
    public static final int EMAIL_MAX_LENGTH = EmailAddress.MAX_LENGTH;
    public static final int PHONE_MAX_LENGTH = PhoneNumbers.TYPED_MAX_LENGTH;

    static final String CONTACT_ADDED = "CONTACT_ADDED";
    static final String CONTACT_CHANGED = "CONTACT_CHANGED";
    static final String CONTACT_REMOVED = "CONTACT_REMOVED";
    static final String CONTACT_EMAIL_CHANGE_REQUESTED = "CONTACT_EMAIL_CHANGE_REQUESTED";
    static final String CONTACT_EMAIL_CONFIRMED = "CONTACT_EMAIL_CONFIRMED";
    static final String CONTACT_EMAIL_REFUSED = "CONTACT_EMAIL_REFUSED";

    private final ContactRepository contacts;
    private final OrganizationAccess access;
    private final OrganizationService organizations;
    private final MembershipAdministration memberships;
    private final ContactMails mails;
    private final ContactSettings settings;
    private final PublicAddress publicAddress;
    private final AuditLog auditLog;
    private final Clock clock;

    private final Callers callers;
    private final InvitationLimit invitationLimit;

    ContactService(ContactRepository contacts, OrganizationAccess access, OrganizationService organizations,
                   MembershipAdministration memberships, ContactMails mails, ContactSettings settings,
                   PublicAddress publicAddress, AuditLog auditLog, Clock clock, Callers callers,
                   InvitationLimit invitationLimit) {
        this.callers = callers;
        this.invitationLimit = invitationLimit;
        this.contacts = contacts;
        this.access = access;
        this.organizations = organizations;
        this.memberships = memberships;
        this.mails = mails;
        this.settings = settings;
        this.publicAddress = publicAddress;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** One page of the organization's contacts (sorted as asked), and their number. */
    @Transactional(readOnly = true)
    public List<ContactRow> page(long organizationId, Pageable pageable) {
        access.require(organizationId, OrganizationRight.VIEW, AuditSummary.action("read-contacts"));
        Pageable ordered = pageable.getSort().isSorted() ? pageable : org.springframework.data.domain.PageRequest.of(
                pageable.getPageNumber(), pageable.getPageSize(),
                org.springframework.data.domain.Sort.by("lastName", "firstName", "id"));
        return contacts.findPage(organizationId, ordered).stream().map(ContactService::row).toList();
    }

    /**
     * One contact of the organization as it is saved now, for a form whose Save was refused as outdated; a contact
     * that is not (or no longer) in the organization is gone, as for {@link #change}.
     */
    @Transactional(readOnly = true)
    public ContactRow contact(long organizationId, long contactId) {
        access.require(organizationId, OrganizationRight.VIEW, AuditSummary.action("read-contacts"));
        return row(contactIn(organizationId, contactId));
    }

    @Transactional(readOnly = true)
    public long count(long organizationId) {
        access.require(organizationId, OrganizationRight.VIEW, AuditSummary.action("read-contacts"));
        return contacts.countByOrganizationId(organizationId);
    }

    /** Whether the signed-in person may change the organization's contacts (for showing the buttons). */
    @Transactional(readOnly = true)
    public boolean mayManage(long organizationId) {
        return access.may(organizationId, OrganizationRight.MANAGE_CONTACTS);
    }

    /** The organization's users, to pick one as a contact. */
    @Transactional(readOnly = true)
    public List<Member> users(long organizationId) {
        access.require(organizationId, OrganizationRight.MANAGE_CONTACTS, AuditSummary.action("list-users-for-contacts"));
        return memberships.allMembers(organizationId).stream()
                .collect(Collectors.toMap(Member::userId, m -> m, (a, b) -> a, java.util.LinkedHashMap::new))
                .values().stream().toList();
    }

    /** The contact types of these users in the organization: the Users list's Contact types column. */
    @Transactional(readOnly = true)
    public Map<Long, Set<ContactType>> typesOfUsers(long organizationId, Collection<Long> userIds) {
        access.require(organizationId, OrganizationRight.VIEW, AuditSummary.action("read-contact-types"));
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return contacts.findLinked(organizationId, userIds).stream()
                .collect(Collectors.toMap(Contact::getUserId, Contact::types));
    }

    public ContactRow add(long organizationId, NewContact request) {
        AuthenticatedUser me = access.require(organizationId, OrganizationRight.MANAGE_CONTACTS, AuditSummary.action("add-contact"));
        ContactDetails details = checked(request.firstName(), request.lastName(), request.phone(),
                request.jobTitle(), request.types());
        String email;
        if (request.userId() != null) {
            Member user = memberships.allMembers(organizationId).stream()
                    .filter(member -> member.userId() == request.userId()).findFirst()
                    .orElseThrow(() -> new InvalidInput("user", "contact.user-unknown"));
            if (contacts.existsByOrganizationIdAndUserId(organizationId, user.userId())) {
                throw new InvalidInput("user", "contact.user-taken");
            }
            email = user.email();
        } else {
            email = checkedEmail(request.email());
        }
        if (contacts.existsByOrganizationIdAndEmail(organizationId, email)) {
            throw new InvalidInput("email", "contact.email-taken");
        }
        Contact contact = saved(new Contact(organizationId, request.userId(), details, email, clock.instant()));
        auditLog.record(AuditEntry.change(CONTACT_ADDED, organizationId,
                AuditSummary.of("contact-added", email),
                null, describe(contact)));
        return row(contact);
    }

    /**
     * Changes a contact. A person without access gets a new address at once; a user-linked contact keeps the old
     * one until the new address confirms the change (the link goes there). Refused when changed meanwhile.
     * <p>
     * The organization is named by the caller and checked first: someone without the right there is refused (and
     * audited) whatever the contact id, so that the answer never tells whether an id names a contact elsewhere. With
     * the right, a contact that is not (or no longer) in that organization is gone, e.g. deleted by a colleague.
     */
    public ContactRow change(long organizationId, long contactId, NewContact change, long expectedVersion,
                             Locale mailLanguage) {
        AuthenticatedUser me = access.require(organizationId, OrganizationRight.MANAGE_CONTACTS,
                AuditSummary.action("change-contact"));
        Contact contact = contactIn(organizationId, contactId);
        if (contact.getVersion() != expectedVersion) {
            throw new StaleData();
        }
        ContactDetails details = checked(change.firstName(), change.lastName(), change.phone(), change.jobTitle(),
                change.types());
        String before = describe(contact);
        contact.describe(details);
        String email = checkedEmail(change.email());
        if (email.equals(contact.getEmail()) && contact.getPendingEmail() != null) {
            // back to the address in force: the change waiting for confirmation is called off, its link dies
            auditLog.record(AuditEntry.change(CONTACT_EMAIL_CHANGE_REQUESTED, contact.getOrganizationId(),
                    AuditSummary.of("contact-email-change-called-off", contact.getEmail()),
                    contact.getPendingEmail(), null));
            contact.clearPending();
        }
        if (!email.equals(contact.getEmail())) {
            if (contacts.existsByOrganizationIdAndEmail(contact.getOrganizationId(), email)) {
                throw new InvalidInput("email", "contact.email-taken");
            }
            if (contact.isLinked()) {
                // a mail to an address the caller chose, and to the managers: counted as an invitation is
                invitationLimit.take(contact.getOrganizationId());
                String token = SecretTokens.newToken();
                Instant expires = clock.instant().plus(settings.confirmationValidity());
                contact.awaitConfirmation(email, SecretTokens.hash(token), expires);
                String contactName = contact.getFirstName() + " " + contact.getLastName();
                String organization = organizations.summary(contact.getOrganizationId()).label();
                mails.confirmNewAddress(email, contactName, organization, me.displayName(),
                        publicAddress.linkTo("/contact-email/" + token), expires, mailLanguage, contactId);
                tellOfNewAddress(contact, contactName, organization, me, email, expires, mailLanguage);
                auditLog.record(AuditEntry.change(CONTACT_EMAIL_CHANGE_REQUESTED, contact.getOrganizationId(),
                        AuditSummary.of("contact-email-change-waits", contact.getEmail()),
                        contact.getEmail(), email));
            } else {
                contact.changeEmail(email);
            }
        }
        contacts.flush();
        auditLog.record(AuditEntry.change(CONTACT_CHANGED, contact.getOrganizationId(),
                AuditSummary.of("contact-changed", contact.getEmail()), before, describe(contact)));
        return row(contact);
    }

    /**
     * The address in force and the organization's active managers hear of a new address waiting for confirmation:
     * the new address alone confirms, so without them a person could lose their address to someone who may change
     * contacts (a partner's token, say) and never know.
     */
    private void tellOfNewAddress(Contact contact, String contactName, String organization, AuthenticatedUser me,
                                  String newEmail, Instant expires, Locale mailLanguage) {
        String old = contact.getEmail();
        mails.newAddressWaiting(old, false, contactName, organization, me.displayName(), newEmail, expires,
                mailLanguage, contact.getId());
        memberships.members(contact.getOrganizationId(), dev.kontor.organization.MembershipRole.MANAGER).stream()
                .filter(Member::isActive).map(Member::email)
                .filter(manager -> !manager.equalsIgnoreCase(old) && !manager.equalsIgnoreCase(newEmail))
                .distinct()
                .forEach(manager -> mails.newAddressWaiting(manager, true, contactName, organization,
                        me.displayName(), newEmail, expires, mailLanguage, contact.getId()));
    }

    /**
     * Deletes the contact; a linked user stays a user and only loses the contact types. The organization is checked
     * first, as for {@link #change}.
     */
    public void delete(long organizationId, long contactId, long expectedVersion) {
        access.require(organizationId, OrganizationRight.MANAGE_CONTACTS, AuditSummary.action("delete-contact"));
        Contact contact = contactIn(organizationId, contactId);
        if (contact.getVersion() != expectedVersion) {
            throw new StaleData();
        }
        contacts.delete(contact);
        auditLog.record(AuditEntry.change(CONTACT_REMOVED, contact.getOrganizationId(),
                AuditSummary.of("contact-removed", contact.getEmail()), describe(contact), null));
    }

    /** A contact of this organization, which the caller may manage; any other id is gone for them. */
    private Contact contactIn(long organizationId, long contactId) {
        return contacts.findById(contactId).filter(contact -> contact.getOrganizationId() == organizationId)
                .orElseThrow(() -> new RuleViolation("contact.gone"));
    }

    /** What a confirmation link is about, for its page; anyone holding the link may ask. */
    @Transactional(readOnly = true)
    public EmailChangePreview preview(String token) {
        if (!SecretTokens.looksValid(token)) {
            return EmailChangePreview.unknown();
        }
        return contacts.findByPendingTokenHash(SecretTokens.hash(token)).map(contact -> {
            boolean expired = !clock.instant().isBefore(contact.getPendingExpiresAt());
            String organization = organizations.describe(callers.taskFor("contact-confirmation"),
                    contact.getOrganizationId())
                    .orElseThrow().label();
            return new EmailChangePreview(expired ? EmailChangePreview.State.EXPIRED : EmailChangePreview.State.OPEN,
                    contact.getEmail(), contact.getPendingEmail(), organization);
        }).orElseGet(EmailChangePreview::unknown);
    }

    /**
     * Confirms the new address: from now on it is the contact's. An expired or unknown link changes nothing; a new
     * address that the organization has meanwhile for another contact ends the change (kept despite the refusal).
     */
    @Transactional(noRollbackFor = RuleViolation.class)
    public void confirm(String token) {
        Contact contact = (SecretTokens.looksValid(token)
                ? contacts.lockByPendingTokenHash(SecretTokens.hash(token)) : java.util.Optional.<Contact>empty())
                .orElseThrow(() -> refused(null, "contact.confirm.unknown",
                        AuditSummary.of("contact-email-refused-unknown-link")));
        if (!clock.instant().isBefore(contact.getPendingExpiresAt())) {
            throw refused(contact.getOrganizationId(), "contact.confirm.expired",
                    AuditSummary.of("contact-email-refused-expired-link"));
        }
        String before = contact.getEmail();
        String after = contact.getPendingEmail();
        if (contacts.existsByOrganizationIdAndEmail(contact.getOrganizationId(), after)) {
            contact.clearPending();
            throw refused(contact.getOrganizationId(), "contact.confirm.taken",
                    AuditSummary.of("contact-email-refused-address-taken"));
        }
        contact.changeEmail(after);
        contacts.flush();
        auditLog.record(AuditEntry.change(CONTACT_EMAIL_CONFIRMED, contact.getOrganizationId(),
                AuditSummary.of("contact-email-confirmed"), before, after));
    }

    private RuntimeException refused(Long organizationId, String messageKey, AuditSummary summary) {
        auditLog.recordIndependently(AuditEntry.denied(CONTACT_EMAIL_REFUSED, organizationId, summary));
        return new RuleViolation(messageKey);
    }

    private Contact saved(Contact contact) {
        try {
            return contacts.saveAndFlush(contact);
        } catch (DataIntegrityViolationException concurrent) {
            // someone added the same address or user at the same moment; the constraint decided
            throw new InvalidInput("email", "contact.email-taken");
        }
    }

    static ContactDetails checked(String firstName, String lastName, String phone, String jobTitle,
                                  Set<ContactType> types) {
        String first = TextRules.personName("firstName", firstName, Contact.NAME_MAX_LENGTH);
        String last = TextRules.personName("lastName", lastName, Contact.NAME_MAX_LENGTH);
        String normalizedPhone = PhoneNumbers.normalize("phone", phone).orElse(null);
        String title = TextRules.check("jobTitle", jobTitle, Contact.JOB_TITLE_MAX_LENGTH);
        if (types == null || types.isEmpty()) {
            throw new InvalidInput("types", "contact.types.required");
        }
        return new ContactDetails(first, last, normalizedPhone, title, EnumSet.copyOf(types));
    }

    static String checkedEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInput("email", "validation.required");
        }
        if (!EmailAddress.isValid(email)) {
            throw new InvalidInput("email", "validation.email");
        }
        return EmailAddress.normalize(email);
    }

    static ContactRow row(Contact c) {
        return new ContactRow(c.getId(), c.getOrganizationId(), c.getUserId(), c.getFirstName(), c.getLastName(),
                c.getEmail(), c.getPhone(), c.getJobTitle(), c.types(), c.getPendingEmail(), c.getVersion());
    }

    private static String describe(Contact c) {
        return c.getFirstName() + " " + c.getLastName() + " <" + c.getEmail() + ">"
                + (c.getPhone() == null ? "" : ", " + c.getPhone())
                + (c.getJobTitle() == null ? "" : ", " + c.getJobTitle()) + ", " + c.types();
    }
}
