package dev.kontor.provider;

import dev.kontor.base.ReadModel;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationState;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The provider's view of its partners: one statement per page, the counts as sub-queries of that statement. */
@ReadModel(reads = {"Membership", "Organization", "PartnerRelationship"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
interface PartnerAdministrationRepository extends Repository<Organization, Long> {

    String ROW = """
            select new dev.kontor.provider.PartnerRow(o.id, o.name, o.state, o.createdAt, o.version,
                   (select count(r) from PartnerRelationship r
                    where r.partnerId = o.id and r.state = dev.kontor.partner.RelationshipState.ACTIVE),
                   (select count(m) from Membership m
                    where m.organization.id = o.id and m.state <> dev.kontor.organization.MembershipState.DEACTIVATED))
            from Organization o
            """;
    String PARTNERS_OF = """
            where o.kind = dev.kontor.organization.OrganizationKind.PARTNER and o.parent.id = :providerId
              and (:pattern is null or o.searchKey like :pattern escape '\\')
              and (:state is null or o.state = :state)
            """;

    @Query(ROW + PARTNERS_OF + " order by o.searchKey, o.id")
    List<PartnerRow> findPartners(long providerId, String pattern, OrganizationState state, Pageable pageable);

    @Query("select count(o) from Organization o " + PARTNERS_OF)
    long countPartners(long providerId, String pattern, OrganizationState state);

    @Query(ROW + " where o.id = :partnerId and o.parent.id = :providerId"
            + " and o.kind = dev.kontor.organization.OrganizationKind.PARTNER")
    Optional<PartnerRow> findPartner(long providerId, long partnerId);

    @Query("""
            select new dev.kontor.provider.PartnerCustomerRow(c.id, c.customerNumber, c.name, c.state)
            from PartnerRelationship r, Organization c
            where c.id = r.customerId and r.partnerId = :partnerId
              and r.state = dev.kontor.partner.RelationshipState.ACTIVE
            order by c.searchKey, c.id
            """)
    List<PartnerCustomerRow> findCustomers(long partnerId, Pageable pageable);

    @Query("""
            select new dev.kontor.provider.PartnerPerson(m.id, u.id,
                   case when m.state = dev.kontor.organization.MembershipState.INVITED and m.invitedName is not null
                        then m.invitedName else u.displayName end,
                   u.email, m.role, m.state, m.version)
            from Membership m join m.user u
            where m.organization.id = :partnerId
            order by m.role, u.email
            """)
    List<PartnerPerson> findPeople(long partnerId);

    @Query("""
            select count(m) from Membership m
            where m.organization.id = :partnerId
              and m.role = dev.kontor.organization.MembershipRole.LEGAL_REPRESENTATIVE
              and m.state = dev.kontor.organization.MembershipState.ACTIVE
            """)
    long countActiveRepresentatives(long partnerId);
}
