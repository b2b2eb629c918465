package dev.kontor.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Old and new values that events of some kinds write as codes (a partnership's state and rights as
 * "ACTIVE VIEW,MANAGE_USERS", partner access rules as "reason true, notify false", a tenant's type and edition), said
 * in the reader's words when the log is read. Reading them, rather than rewriting what is stored, serves events of
 * every version alike. A value that does not have the expected shape, or whose words the bundle lacks, is shown as
 * written.
 */
final class AuditCodes {

    /** Kinds whose values are a partnership's state, its rights, or both ("REQUESTED VIEW,BILLING", "-" for none). */
    private static final Set<String> PARTNERSHIP_KINDS = Set.of("CUSTOMER_ADDED", "RELATIONSHIP_REQUESTED",
            "RELATIONSHIP_IMPORTED", "RELATIONSHIP_TERMINATED", "RELATIONSHIP_REQUEST_EXPIRED",
            "RELATIONSHIP_REQUEST_WITHDRAWN", "PARTNER_REQUEST_ACCEPTED", "PARTNER_REQUEST_DECLINED",
            "PARTNER_RIGHTS_CHANGED", "PARTNER_RELATIONSHIP_REVOKED", "PARTNER_RIGHTS_FELL_BACK",
            "PARTNER_RIGHTS_REVIEW_REQUESTED", "PARTNER_RIGHTS_CONFIRMED");
    private static final Pattern PARTNERSHIP = Pattern.compile("(?:([A-Z_]{1,40}) )?([A-Z_]{1,40}(?:,[A-Z_]{1,40})*|-)");
    private static final Pattern STATE_ALONE = Pattern.compile("[A-Z_]{1,40}");
    private static final Pattern ACCESS_RULES = Pattern.compile("reason (true|false), notify (true|false)");
    private static final Pattern TENANT_CREATED = Pattern.compile("([A-Z_]{1,40}), ([A-Z_]{1,40}), ([^,]{1,40})(, logo (.{1,100}))?");
    private static final Pattern TENANT_SETTINGS = Pattern.compile(
            "TenantSettings\\[defaultLanguage=(.*), timeZone=(.*), senderName=(.*)]", Pattern.DOTALL);

    private AuditCodes() {
    }

    static Optional<String> said(String kind, String value, AuditReading reading) {
        return switch (kind) {
            case "ACCESS_POLICY_CHANGED" -> accessRules(value, reading);
            case "GRANTED_RIGHTS_REVIEWED" -> review(value, reading);
            case "TENANT_CREATED" -> tenantCreated(value, reading);
            case "TENANT_SETTINGS_CHANGED" -> tenantSettings(value, reading);
            case "CONTACT_ADDED", "CONTACT_CHANGED", "CONTACT_REMOVED" -> contact(value, reading);
            default -> PARTNERSHIP_KINDS.contains(kind) ? partnership(value, reading) : Optional.empty();
        };
    }

    /** "ACTIVE VIEW,MANAGE_USERS" as "Active: See the account, Manage users"; "REVOKED" as "Revoked". */
    private static Optional<String> partnership(String value, AuditReading reading) {
        if (STATE_ALONE.matcher(value).matches()) {
            Optional<String> state = word(reading, "relationship.state." + value);
            if (state.isPresent()) {
                return state;
            }
        }
        Matcher parts = PARTNERSHIP.matcher(value);
        if (!parts.matches()) {
            return Optional.empty();
        }
        Optional<String> rights = rights(parts.group(2), reading);
        if (rights.isEmpty() || parts.group(1) == null) {
            return rights;
        }
        return word(reading, "relationship.state." + parts.group(1))
                .map(state -> reading.word("audit.value.state-and-rights", state, rights.get()));
    }

    private static Optional<String> rights(String codes, AuditReading reading) {
        if (codes.equals("-")) {
            return Optional.of(reading.word("audit.value.no-rights"));
        }
        List<String> words = new ArrayList<>();
        for (String code : codes.split(",")) {
            Optional<String> word = word(reading, "right." + code);
            if (word.isEmpty()) {
                return Optional.empty();
            }
            words.add(word.get());
        }
        return Optional.of(String.join(", ", words));
    }

    private static Optional<String> accessRules(String value, AuditReading reading) {
        Matcher rules = ACCESS_RULES.matcher(value);
        return rules.matches() ? Optional.of(reading.word("audit.value.access-rules", yesNo(rules.group(1), reading),
                yesNo(rules.group(2), reading))) : Optional.empty();
    }

    private static String yesNo(String flag, AuditReading reading) {
        return reading.word(Boolean.parseBoolean(flag) ? "audit.value.yes" : "audit.value.no");
    }

    private static Optional<String> review(String value, AuditReading reading) {
        return switch (value) {
            case "review pending" -> Optional.of(reading.word("audit.value.review-pending"));
            case "reviewed" -> Optional.of(reading.word("audit.value.reviewed"));
            default -> Optional.empty();
        };
    }

    /** "STANDARD, BASIC, UTF-8, logo image/png" as "Standard, Basic, UTF-8, with a logo (image/png)". */
    private static Optional<String> tenantCreated(String value, AuditReading reading) {
        Matcher parts = TENANT_CREATED.matcher(value);
        if (!parts.matches()) {
            return Optional.empty();
        }
        Optional<String> type = word(reading, "tenant.type." + parts.group(1));
        Optional<String> edition = word(reading, "tenant.edition." + parts.group(2));
        if (type.isEmpty() || edition.isEmpty()) {
            return Optional.empty();
        }
        String created = type.get() + ", " + edition.get() + ", " + parts.group(3);
        return Optional.of(parts.group(5) == null ? created
                : created + ", " + reading.word("audit.value.with-logo", parts.group(5)));
    }

    /** The settings record as "Language: de, time zone: Europe/Berlin, sender name: Shop" (— for what is unset). */
    private static Optional<String> tenantSettings(String value, AuditReading reading) {
        Matcher parts = TENANT_SETTINGS.matcher(value);
        if (!parts.matches()) {
            return Optional.empty();
        }
        return Optional.of(reading.word("audit.value.tenant-settings", orDash(parts.group(1)), orDash(parts.group(2)),
                orDash(parts.group(3))));
    }

    private static String orDash(String setting) {
        return setting.equals("null") || setting.isBlank() ? "—" : setting;
    }

    private static Optional<String> word(AuditReading reading, String key) {
        String word = reading.word(key);
        return word == null || word.contains(key) ? Optional.empty() : Optional.of(word);
    }

    private static final Pattern CONTACT = Pattern.compile("(.*>)((?:, [^\\[]*?)*), \\[([A-Z_, ]*)]", Pattern.DOTALL);
    private static final Pattern STORED_PHONE = Pattern.compile("\\+[0-9]{4,20}");

    /**
     * "Rita Rechnung &lt;rita@…&gt;, +495251999, [BILLING]" as "Rita Rechnung &lt;rita@…&gt;, +49 5251 999, Billing":
     * the phone as the contacts grid shows it and the types in the reader's words; as stored when a type has no word.
     */
    private static Optional<String> contact(String value, AuditReading reading) {
        Matcher parts = CONTACT.matcher(value);
        if (!parts.matches()) {
            return Optional.empty();
        }
        List<String> said = new ArrayList<>();
        said.add(parts.group(1));
        if (!parts.group(2).isEmpty()) {
            for (String detail : parts.group(2).substring(2).split(", ", -1)) {
                said.add(STORED_PHONE.matcher(detail).matches() ? dev.kontor.base.PhoneNumbers.readable(detail)
                        : detail);
            }
        }
        if (!parts.group(3).isEmpty()) {
            for (String code : parts.group(3).split(", ")) {
                Optional<String> word = word(reading, "contact.type." + code);
                if (word.isEmpty()) {
                    return Optional.empty();
                }
                said.add(word.get());
            }
        }
        return Optional.of(String.join(", ", said));
    }
}
