package dev.kontor.provider;

import dev.kontor.base.ReadModel;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationState;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The provider's view of its customer accounts: one statement per page, the partner as sub-queries of it. */
@ReadModel(reads = {"Membership", "Organization", "PartnerRelationship"},
        decision = "docs/decisions/0009-one-owner-per-table-and-declared-read-models.md")
interface AccountAdministrationRepository extends Repository<Organization, Long> {

    String ROW = """
            select new dev.kontor.provider.AccountRow(o.id, o.customerNumber, o.name, o.state, o.version,
                   (select min(p.name) from PartnerRelationship r, Organization p
                    where p.id = r.partnerId and r.customerId = o.id
                      and r.state = dev.kontor.partner.RelationshipState.ACTIVE),
                   (select count(r) from PartnerRelationship r
                    where r.customerId = o.id and r.state = dev.kontor.partner.RelationshipState.ACTIVE))
            from Organization o
            """;
    String ACCOUNTS_OF = """
            where o.kind = dev.kontor.organization.OrganizationKind.CUSTOMER and o.ancestorPath like :providerPath
              and (:pattern is null or o.searchKey like :pattern escape '\\' or o.customerNumber = :number)
              and (:state is null or o.state = :state)
            """;

    @Query(ROW + ACCOUNTS_OF + " order by o.searchKey, o.id")
    List<AccountRow> findAccounts(String providerPath, String pattern, String number, OrganizationState state,
                                  Pageable pageable);

    @Query("select count(o) from Organization o " + ACCOUNTS_OF)
    long countAccounts(String providerPath, String pattern, String number, OrganizationState state);

    @Query(ROW + " where o.id = :accountId and o.ancestorPath like :providerPath"
            + " and o.kind = dev.kontor.organization.OrganizationKind.CUSTOMER")
    Optional<AccountRow> findAccount(String providerPath, long accountId);

    @Query(ROW + " where o.customerNumber = :customerNumber and o.ancestorPath like :providerPath"
            + " and o.kind = dev.kontor.organization.OrganizationKind.CUSTOMER")
    Optional<AccountRow> findNumberedAccount(String providerPath, String customerNumber);

    @Query("""
            select o.state from Organization o
            where o.id = :partnerId and o.parent.id = :providerId
              and o.kind = dev.kontor.organization.OrganizationKind.PARTNER
            """)
    Optional<OrganizationState> findPartnerState(long providerId, long partnerId);

    @Query("""
            select u.email from Membership m join m.user u
            where m.organization.id = :accountId and m.role = dev.kontor.organization.MembershipRole.MANAGER
              and m.state = dev.kontor.organization.MembershipState.ACTIVE
            order by u.email
            """)
    List<String> findActiveManagerEmails(long accountId);

    @Query("""
            select new dev.kontor.provider.AccountManager(u.id,
                   case when m.state = dev.kontor.organization.MembershipState.INVITED and m.invitedName is not null
                        then m.invitedName else u.displayName end,
                   u.email, m.state)
            from Membership m join m.user u
            where m.organization.id = :accountId and m.role = dev.kontor.organization.MembershipRole.MANAGER
            order by m.state, u.email, u.id
            """)
    List<AccountManager> findManagers(long accountId, Pageable pageable);
}
