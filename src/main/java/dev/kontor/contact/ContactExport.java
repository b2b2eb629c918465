package dev.kontor.contact;

import dev.kontor.user.Callers;
import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.CsvCells;
import dev.kontor.base.PhoneNumbers;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.OrganizationSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts as CSV: one organization's, or a partner's whole tree (its own, its tenants' and the tenants of the
 * customers that let it manage them). Written in batches along the contacts' ids, never all in memory; headings,
 * yes/no and the separator follow the reader's language ({@link CsvCells#format}).
 */
@Service
@Transactional(readOnly = true)
public class ContactExport {

    static final int BATCH = 500;

    private final ContactRepository contacts;
    private final PartnerTreeContacts trees;
    private final OrganizationAccess access;
    private final OrganizationService organizations;
    private final I18NProvider texts;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;

    private final Callers callers;

    ContactExport(ContactRepository contacts, PartnerTreeContacts trees, OrganizationAccess access,
                  OrganizationService organizations, I18NProvider texts, Callers callers) {
        this.callers = callers;
        this.texts = texts;
        this.contacts = contacts;
        this.trees = trees;
        this.access = access;
        this.organizations = organizations;
    }

    /** One organization's contacts, with the header line in the reader's language. */
    public void organization(long organizationId, Writer out, Locale language) {
        access.require(organizationId, OrganizationRight.VIEW, AuditSummary.action("export-contacts"));
        OrganizationSummary organization = organizations.summary(organizationId);
        write(out, cursor -> contacts.findBatch(List.of(organizationId), cursor, PageRequest.of(0, BATCH)),
                ids -> java.util.Map.of(organizationId, organization.label()), language);
    }

    /** The partner's whole tree; for its legal representatives and administrators. */
    public void partnerTree(long partnerId, Writer out, Locale language) {
        access.require(partnerId, OrganizationRight.ADMIN, AuditSummary.action("export-contacts-of-the-partners-tree"));
        OrganizationSummary partner = organizations.summary(partnerId);
        if (partner.kind() != OrganizationKind.PARTNER) {
            throw new dev.kontor.base.RuleViolation("contact.export.not-a-partner");
        }
        write(out, cursor -> {
            List<Long> ids = trees.idsAfter(partnerId, cursor, BATCH);
            return ids.isEmpty() ? List.of() : contacts.findInOrder(ids);
        }, this::labelsOf, language);
    }

    /** The names of a batch's organizations, in one statement (the tree export has checked the right to them). */
    private java.util.Map<Long, String> labelsOf(java.util.Set<Long> organizationIds) {
        return organizations.describeAll(callers.taskFor("contact-export"), organizationIds).values().stream()
                .collect(java.util.stream.Collectors.toMap(OrganizationSummary::id, OrganizationSummary::label));
    }

    private void write(Writer out, LongFunction<List<Contact>> batchAfter,
                       java.util.function.Function<java.util.Set<Long>, java.util.Map<Long, String>> namesOf,
                       Locale language) {
        Locale reader = language == null ? Locale.ENGLISH : language;
        String[] headers = java.util.stream.Stream.of("organization", "first-name", "last-name", "email",
                        "pending-email", "phone", "job-title", "billing", "technical", "business", "user")
                .map(column -> texts.getTranslation("contact.csv." + column, reader))
                .toArray(String[]::new);
        // the yes/no columns in the reader's words, as the headers are: a German file said "true" and "false"
        String yes = texts.getTranslation("contact.csv.yes", reader);
        String no = texts.getTranslation("contact.csv.no", reader);
        try (CSVPrinter csv = new CSVPrinter(out, CsvCells.format(reader, headers))) {
            long cursor = 0;
            while (true) {
                List<Contact> batch = batchAfter.apply(cursor);
                java.util.Map<Long, String> names = namesOf.apply(batch.stream().map(Contact::getOrganizationId)
                        .collect(java.util.stream.Collectors.toSet()));
                for (Contact c : batch) {
                    var types = c.types();
                    csv.printRecord(CsvCells.neutralized(names.get(c.getOrganizationId())),
                            CsvCells.neutralized(c.getFirstName()), CsvCells.neutralized(c.getLastName()),
                            CsvCells.neutralized(c.getEmail()), CsvCells.neutralized(c.getPendingEmail()),
                            CsvCells.neutralized(PhoneNumbers.readable(c.getPhone())),
                            CsvCells.neutralized(c.getJobTitle()), types.contains(ContactType.BILLING) ? yes : no,
                            types.contains(ContactType.TECHNICAL) ? yes : no,
                            types.contains(ContactType.BUSINESS) ? yes : no, c.isLinked() ? yes : no);
                }
                if (batch.size() < BATCH) {
                    break;
                }
                cursor = batch.getLast().getId();
                // what was written need not stay in memory
                entityManager.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The CSV export could not be written", e);
        }
    }
}
