package dev.kontor.partner;

import dev.kontor.base.ReadModel;
import dev.kontor.contact.PartnerTreeContacts;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contact feature's question which contacts a partner's tree holds: a customer account's own contacts are not
 * among them (the partner may read those only inside an access session), its tenants' are while the partner manages
 * them.
 */
@Component
@ReadModel(reads = {"contact", "organization"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
class ContactsOfPartnerTrees implements PartnerTreeContacts {

    private final JdbcClient jdbc;

    ContactsOfPartnerTrees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> idsAfter(long partnerId, long cursor, int batchSize) {
        return jdbc.sql("""
                        SELECT c.id FROM contact c JOIN organization o ON o.id = c.organization_id
                        WHERE (o.id = :partnerId OR o.account_id = :partnerId
                               OR o.account_id IN (SELECT r.tenants_customer_id FROM partner_relationship r
                                                   WHERE r.partner_id = :partnerId
                                                     AND r.tenants_customer_id IS NOT NULL))
                          AND c.id > :cursor
                        ORDER BY c.id LIMIT :batchSize""")
                .param("partnerId", partnerId).param("cursor", cursor).param("batchSize", batchSize)
                .query(Long.class).list();
    }
}
