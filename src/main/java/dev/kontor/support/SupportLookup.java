package dev.kontor.support;

import dev.kontor.user.Callers;
import dev.kontor.base.TextRules;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.SearchKeys;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationService;
import dev.kontor.user.AuthenticatedUser;
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
 * Finds customer accounts by customer number (with or without "CN-", or its first digits), part of the account's name
 * or of a manager's or contact's name (case and accents do not matter), part of a service name, any manager's or
 * contact's e-mail address or their domain, any contact's phone number and the account's out-of-hours number (in any
 * notation, or its last six or more digits), and opens the incident card. Only for the provider's support staff, who hold this role right now; it
 * changes nothing, and every card opened is audited on the customer's account.
 */
@Service
@Transactional(readOnly = true)
public class SupportLookup {

    /** The longest search text: the longest e-mail address, the longest thing anyone looks up. */
    public static final int QUERY_MAX_LENGTH = 254;

    static final String SUPPORT_LOOKUP = "SUPPORT_LOOKUP";
    static final String ACCESS_DENIED = "ACCESS_DENIED";
    /** The kinds of change that say how fresh the card's contact data is. */
    static final List<String> CONTACT_CHANGES = List.of("CONTACT_PERSON_CHANGED", "DEPUTY_CHANGED",
            "CONTACT_DATA_CONFIRMED", "ACCOUNT_DATA_CHANGED", "CONTACT_ADDED", "CONTACT_CHANGED", "CONTACT_REMOVED",
            "CONTACT_EMAIL_CONFIRMED");

    private static final Pattern CUSTOMER_NUMBER = Pattern.compile("(?i)^\\s*(?:cn\\s*-?\\s*)?(\\d{1,12})\\s*$");
    private static final int MIN_PHONE_DIGITS = 6;
    /** Below three letters a part of a person's name finds half the people and no index narrows it down. */
    private static final int MIN_PERSON_LETTERS = 3;
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[+\\d\\s()./-]+");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** "sonnenschein.test", "mail.example.co.uk": an e-mail domain typed without its "@". */
    private static final Pattern DOMAIN = Pattern.compile("[\\p{L}\\d-]+(\\.[\\p{L}\\d-]+)*\\.\\p{L}{2,}");

    private final LookupQueries queries;
    private final OrganizationService organizations;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration confirmationInterval;

    private final Callers callers;

    SupportLookup(LookupQueries queries, OrganizationService organizations, AuditLog auditLog, Clock clock,
                  @Value("${kontor.account.confirmation-interval:180d}") Duration confirmationInterval, Callers callers) {
        this.callers = callers;
        this.queries = queries;
        this.organizations = organizations;
        this.auditLog = auditLog;
        this.clock = clock;
        this.confirmationInterval = confirmationInterval;
    }

    /** The first page of accounts matching the text, best kinds of match first, each account once. */
    public List<LookupResult> search(String text) {
        return search(text, LookupQueries.LIMIT).results();
    }

    /**
     * Accounts matching the text, best kinds of match first (customer number, e-mail address or domain, phone,
     * organization name, a person's name, service), each account once; at most {@code limit} of them (never more
     * than 200) and whether there are more. Every statement reads at most one more row than asked for.
     */
    public LookupPage search(String text, int limit) {
        requireSupport(AuditSummary.action("support-lookup"));
        String query = text == null ? "" : text.strip();
        // nothing stored holds hidden characters, and a NUL would not even reach PostgreSQL: it matches nothing
        if (query.isEmpty() || query.length() > QUERY_MAX_LENGTH || !TextRules.isPlainLine(query)) {
            return new LookupPage(List.of(), false);
        }
        int wanted = Math.clamp(limit, 1, LookupQueries.MAX_RESULTS);
        Found found = new Found(wanted + 1);
        Matcher number = CUSTOMER_NUMBER.matcher(query);
        if (number.matches()) {
            found.add(queries.byCustomerNumber(number.group(1), found.fetch));
        }
        String lower = query.toLowerCase(Locale.ROOT);
        if (query.contains("@")) {
            boolean domainOnly = lower.startsWith("@");
            found.add(queries.byEmail(domainOnly ? "" : lower, domainOnly ? lower.substring(1) : "", found.fetch));
        } else if (DOMAIN.matcher(lower).matches()) {
            found.add(queries.byEmail("", lower, found.fetch));
        }
        phoneEnding(query).ifPresent(digits -> found.add(queries.byPhoneEnding(digits, found.fetch)));
        String folded = SearchKeys.fold(query);
        if (folded.length() >= 2 && !query.contains("@")) {
            found.add(queries.byName(folded, found.fetch));
            if (folded.length() >= MIN_PERSON_LETTERS && LETTER.matcher(folded).find()) {
                found.add(queries.byPerson(folded, found.fetch));
            }
            found.add(queries.byService(lower, found.fetch));
        }
        List<LookupResult> all = new ArrayList<>(found.accounts.values());
        return new LookupPage(all.subList(0, Math.min(all.size(), wanted)), found.cut || all.size() > wanted);
    }

    /** The accounts found so far, each once with its best match; and whether a statement had more than it read. */
    private static final class Found {
        private final int fetch;
        private final Map<Long, LookupResult> accounts = new LinkedHashMap<>();
        private boolean cut;

        private Found(int fetch) {
            this.fetch = fetch;
        }

        private void add(List<LookupResult> results) {
            cut |= results.size() >= fetch;
            results.forEach(r -> accounts.putIfAbsent(r.customerId(), r));
        }
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
        AuthenticatedUser me = callers.requirePerson();
        // the caller's own roles, looked up by the application for them
        if (!organizations.activeRolesOf(callers.taskFor("support-lookup"), me.userId())
                .contains(MembershipRole.SUPPORT)) {
            auditLog.recordIndependently(AuditEntry.denied(ACCESS_DENIED, null,
                    AuditSummary.of("refused-not-support", attempted)));
            throw new AccessRefused();
        }
    }

    /**
     * The digits a stored number (E.164, without its "+") must end with, if the text is a phone number or the end of
     * one: "+49 5251 12 34-56", "0049 5251 123456", "05251/123456", "(0)5251 123456" and "123456" all end
     * "+495251123456". A leading 00 or + starts the country code, a single leading 0 is the trunk prefix of a
     * national number, which E.164 leaves out. Leaving them out is right for a number's last digits too (the rest is
     * still its end), as long as six digits remain.
     */
    static Optional<String> phoneEnding(String query) {
        String text = query.replace("(0)", "").strip();
        if (!PHONE_CHARACTERS.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = text.replaceAll("\\D", "");
        String international = text.startsWith("+") ? digits : digits.startsWith("00") ? digits.substring(2)
                : digits.startsWith("0") ? digits.substring(1) : digits;
        // a number's last digits may start with zeros ("0013113"); they are its end as they stand
        String ending = international.length() >= MIN_PHONE_DIGITS ? international : digits;
        return ending.length() < MIN_PHONE_DIGITS || ending.length() > 15 ? Optional.empty() : Optional.of(ending);
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
