package dev.kontor.support;

import dev.kontor.base.TextRules;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.PhoneNumbers;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.SearchKeys;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationService;
import dev.kontor.user.AuthenticatedUser;
import dev.kontor.user.CurrentUser;
import dev.kontor.user.SystemTask;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds customer accounts by customer number (with or without "CN-"), name (case and accents do not matter, part of
 * it is enough), service name, any manager's or contact's e-mail address, any contact's phone number and the
 * account's out-of-hours number (in any notation), and opens the incident card. Only for the provider's support staff, who hold this role right now; it
 * changes nothing, and every card opened is audited on the customer's account.
 */
@Service
@Transactional(readOnly = true)
public class SupportLookup {

    static final String SUPPORT_LOOKUP = "SUPPORT_LOOKUP";
    static final String ACCESS_DENIED = "ACCESS_DENIED";
    /** The kinds of change that say how fresh the card's contact data is. */
    static final List<String> CONTACT_CHANGES = List.of("CONTACT_PERSON_CHANGED", "DEPUTY_CHANGED",
            "CONTACT_DATA_CONFIRMED", "ACCOUNT_DATA_CHANGED", "CONTACT_ADDED", "CONTACT_CHANGED", "CONTACT_REMOVED",
            "CONTACT_EMAIL_CONFIRMED");

    private static final Pattern CUSTOMER_NUMBER = Pattern.compile("(?i)^\\s*(?:cn\\s*-?\\s*)?(\\d{1,12})\\s*$");
    private static final int MIN_PHONE_DIGITS = 6;

    private final LookupQueries queries;
    private final OrganizationService organizations;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration confirmationInterval;

    SupportLookup(LookupQueries queries, OrganizationService organizations, AuditLog auditLog, Clock clock,
                  @Value("${kontor.account.confirmation-interval:180d}") Duration confirmationInterval) {
        this.queries = queries;
        this.organizations = organizations;
        this.auditLog = auditLog;
        this.clock = clock;
        this.confirmationInterval = confirmationInterval;
    }

    /** Accounts matching the text, best kinds of match first, each account once; at most 20. */
    public List<LookupResult> search(String text) {
        requireSupport(AuditSummary.action("support-lookup"));
        String query = text == null ? "" : text.strip();
        // nothing stored holds hidden characters, and a NUL would not even reach PostgreSQL: it matches nothing
        if (query.isEmpty() || query.length() > 254 || !TextRules.isPlainLine(query)) {
            return List.of();
        }
        Map<Long, LookupResult> found = new LinkedHashMap<>();
        Matcher number = CUSTOMER_NUMBER.matcher(query);
        if (number.matches()) {
            queries.byCustomerNumber(number.group(1)).forEach(r -> found.putIfAbsent(r.customerId(), r));
        }
        if (query.contains("@")) {
            queries.byEmail(query.toLowerCase(Locale.ROOT)).forEach(r -> found.putIfAbsent(r.customerId(), r));
        }
        phone(query).ifPresent(e164 -> {
            queries.byPhone(e164).forEach(r -> found.putIfAbsent(r.customerId(), r));
            queries.byOutOfHoursNumber(e164).forEach(r -> found.putIfAbsent(r.customerId(), r));
        });
        String folded = SearchKeys.fold(query);
        if (folded.length() >= 2 && !query.contains("@")) {
            queries.byName(folded).forEach(r -> found.putIfAbsent(r.customerId(), r));
            queries.byService(query.toLowerCase(Locale.ROOT)).forEach(r -> found.putIfAbsent(r.customerId(), r));
        }
        return new ArrayList<>(found.values()).subList(0, Math.min(found.size(), LookupQueries.LIMIT));
    }

    /** The incident card of one customer account; audited, so that the customer can see who looked. */
    @Transactional
    public SupportCard card(long customerId) {
        requireSupport(AuditSummary.action("open-support-card"));
        LookupQueries.AccountRow account = queries.account(customerId)
                .orElseThrow(() -> new RuleViolation("support.unknown-account"));
        List<LookupQueries.ContactLine> contacts = queries.linkedContacts(customerId, java.util.stream.Stream.of(
                account.contactPersonId(), account.deputyId()).filter(java.util.Objects::nonNull).toList());
        CardPerson contactPerson = person(account.contactPersonId(), account.contactPersonName(),
                account.contactPersonEmail(), account.contactPersonLanguage(), contacts);
        CardPerson deputy = person(account.deputyId(), account.deputyName(), account.deputyEmail(),
                account.deputyLanguage(), contacts);
        List<CardPerson> technical = queries.technicalContacts(customerId, true).stream().map(SupportLookup::person)
                .toList();
        Optional<LookupQueries.PartnerLine> partner = queries.partner(customerId);
        List<CardPerson> partnerTechnical = partner.map(p -> queries.technicalContacts(p.id(), false).stream()
                .map(SupportLookup::person).toList()).orElse(List.of());
        boolean overdue = account.confirmedAt() == null
                || account.confirmedAt().isBefore(clock.instant().minus(confirmationInterval));
        auditLog.record(AuditEntry.success(SUPPORT_LOOKUP, customerId,
                AuditSummary.of("support-looked-up", account.name(), account.customerNumber())));
        return new SupportCard(account.id(), account.customerNumber(), account.name(), contactPerson, deputy,
                account.emergencyPhone(), account.confirmedAt(), overdue, technical,
                partner.map(LookupQueries.PartnerLine::name).orElse(null), partnerTechnical,
                queries.services(customerId), queries.lastChanges(customerId, CONTACT_CHANGES, 5));
    }

    /** Support right now: a deactivated support membership stops the lookup at once, whatever the session says. */
    private void requireSupport(AuditSummary.Term attempted) {
        AuthenticatedUser me = CurrentUser.require();
        // the caller's own roles, looked up by the application for them
        if (!SystemTask.call(() -> organizations.activeRolesOf(me.userId())).contains(MembershipRole.SUPPORT)) {
            auditLog.recordIndependently(AuditEntry.denied(ACCESS_DENIED, null,
                    AuditSummary.of("refused-not-support", attempted)));
            throw new AccessRefused();
        }
    }

    private static Optional<String> phone(String query) {
        String digits = query.replaceAll("\\D", "");
        if (digits.length() < MIN_PHONE_DIGITS || !query.matches("[+\\d\\s()./-]+")) {
            return Optional.empty();
        }
        return PhoneNumbers.searchForm(query);
    }

    /** A manager with the phone from their own contact entry in the account, if they have one. */
    private static CardPerson person(Long userId, String name, String email, String language,
                                     List<LookupQueries.ContactLine> contacts) {
        if (userId == null) {
            return null;
        }
        Optional<LookupQueries.ContactLine> entry = contacts.stream()
                .filter(c -> userId.equals(c.userId())).findFirst();
        return new CardPerson(name, entry.map(LookupQueries.ContactLine::phone).orElse(null), email, language,
                entry.map(LookupQueries.ContactLine::jobTitle).orElse(null));
    }

    private static CardPerson person(LookupQueries.ContactLine contact) {
        return new CardPerson(contact.name(), contact.phone(), contact.email(), null, contact.jobTitle());
    }
}
