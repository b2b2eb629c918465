package dev.kontor.contact;

import dev.kontor.base.CsvCells;
import dev.kontor.organization.OrganizationAccess;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.OrganizationSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts as CSV: one organization's, or a partner's whole tree (its own, its tenants' and the tenants of the
 * customers that let it manage them). Written in batches along the contacts' ids, never all in memory.
 */
@Service
@Transactional(readOnly = true)
public class ContactExport {

    static final int BATCH = 500;

    private final ContactRepository contacts;
    private final OrganizationAccess access;
    private final OrganizationService organizations;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;

    ContactExport(ContactRepository contacts, OrganizationAccess access, OrganizationService organizations) {
        this.contacts = contacts;
        this.access = access;
        this.organizations = organizations;
    }

    public void organization(long organizationId, Writer out) {
        access.require(organizationId, OrganizationRight.VIEW, "Export contacts");
        OrganizationSummary organization = organizations.summary(organizationId);
        write(out, cursor -> contacts.findBatch(List.of(organizationId), cursor, PageRequest.of(0, BATCH)),
                id -> organization.label());
    }

    /** The partner's whole tree; for its legal representatives and administrators. */
    public void partnerTree(long partnerId, Writer out) {
        access.require(partnerId, OrganizationRight.ADMIN, "Export contacts of the partner's tree");
        OrganizationSummary partner = organizations.summary(partnerId);
        if (partner.kind() != OrganizationKind.PARTNER) {
            throw new dev.kontor.base.RuleViolation("contact.export.not-a-partner");
        }
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        write(out, cursor -> contacts.findTreeBatch(partnerId, cursor, BATCH),
                id -> names.computeIfAbsent(id, known -> dev.kontor.user.SystemTask.call(() ->
                        organizations.describe(known).orElseThrow().label())));
    }

    private void write(Writer out, LongFunction<List<Contact>> batchAfter, LongFunction<String> organizationName) {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("organization",
                "first name", "last name", "e-mail", "pending new e-mail", "phone", "job title", "billing",
                "technical", "business", "user").get())) {
            long cursor = 0;
            while (true) {
                List<Contact> batch = batchAfter.apply(cursor);
                for (Contact c : batch) {
                    var types = c.types();
                    csv.printRecord(CsvCells.neutralized(organizationName.apply(c.getOrganizationId())),
                            CsvCells.neutralized(c.getFirstName()), CsvCells.neutralized(c.getLastName()),
                            CsvCells.neutralized(c.getEmail()), CsvCells.neutralized(c.getPendingEmail()),
                            CsvCells.neutralized(PhoneNumbers.readable(c.getPhone())),
                            CsvCells.neutralized(c.getJobTitle()), types.contains(ContactType.BILLING),
                            types.contains(ContactType.TECHNICAL), types.contains(ContactType.BUSINESS),
                            c.isLinked());
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
