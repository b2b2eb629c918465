package dev.kontor.organization;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    /** A new name that leaves the version alone (a bulk update does not raise it): see {@link OrganizationNames}. */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @org.springframework.data.jpa.repository.Query(
            "update Organization o set o.name = :name, o.searchKey = :searchKey where o.id = :id")
    int renameKeepingVersion(long id, String name, String searchKey);

    Optional<Organization> findByCustomerNumber(String customerNumber);

    @org.springframework.data.jpa.repository.Query(
            "select o.ancestorPath from Organization o where o.id = :organizationId")
    Optional<String> findAncestorPath(long organizationId);

    /** Each organization's id with its ancestor path, for working out the rights in many at once. */
    @org.springframework.data.jpa.repository.Query(
            "select o.id, o.ancestorPath from Organization o where o.id in :ids")
    java.util.List<Object[]> findAncestorPaths(java.util.Collection<Long> ids);

    @org.springframework.data.jpa.repository.Query(
            "select new dev.kontor.organization.PathNode(o.id, o.kind, o.state) from Organization o where o.id in :ids")
    java.util.List<PathNode> findPathNodes(java.util.Collection<Long> ids);

    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select o from Organization o where o.id = :id")
    Optional<Organization> lockById(long id);

    @org.springframework.data.jpa.repository.Query("""
            select count(o) > 0 from Organization o where o.parent.id = :parentId and o.siblingKey = :siblingKey
            """)
    boolean existsSibling(long parentId, String siblingKey);

    /** The greatest number of ancestors of any organization whose path starts with the prefix. */
    @org.springframework.data.jpa.repository.Query("""
            select max(length(o.ancestorPath) - length(replace(o.ancestorPath, '/', '')) - 1) from Organization o
            where o.ancestorPath like :pathPrefix
            """)
    Optional<Integer> maxDepthBelow(String pathPrefix);

    /** Moves a sub-tree's paths from one prefix to another, in one statement. */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query("""
            update Organization o set o.ancestorPath = concat(:newPrefix, substring(o.ancestorPath, :oldLength + 1))
            where o.ancestorPath like concat(:oldPrefix, '%')
            """)
    int rewritePaths(String oldPrefix, String newPrefix, int oldLength);

    /** A customer account by number, if it lies below the given path prefix (e.g. a provider's whole tree). */
    @org.springframework.data.jpa.repository.Query("""
            select o from Organization o where o.customerNumber = :customerNumber and o.ancestorPath like :pathPrefix
            """)
    Optional<Organization> findCustomerBelow(String customerNumber, String pathPrefix);

    /** The partners directly below a provider with this name, regardless of case. */
    @org.springframework.data.jpa.repository.Query("""
            select o from Organization o where o.kind = dev.kontor.organization.OrganizationKind.PARTNER
            and o.parent.id = :providerId and lower(o.name) = lower(:name) order by o.id
            """)
    java.util.List<Organization> findPartnersNamed(long providerId, String name);

    /** The customer account or partner whose tree holds the organization (itself when it is no tenant). */
    @org.springframework.data.jpa.repository.Query(
            "select coalesce(o.accountId, o.id) from Organization o where o.id = :organizationId")
    Optional<Long> findOwnerOf(long organizationId);

    /** The provider organizations, oldest first (an installation has one). */
    @org.springframework.data.jpa.repository.Query("""
            select o.id from Organization o where o.kind = dev.kontor.organization.OrganizationKind.PROVIDER order by o.id
            """)
    java.util.List<Long> findProviderIds();

    /**
     * Of these organizations, those that require a second factor themselves, and the customer accounts among them:
     * where a requirement from above stops.
     */
    @org.springframework.data.jpa.repository.Query("""
            select o from Organization o where o.id in :ids
              and (o.secondFactorRequired = true or o.kind = dev.kontor.organization.OrganizationKind.CUSTOMER)
            """)
    java.util.List<Organization> findRequiringSecondFactorOrCustomers(java.util.Collection<Long> ids);
}
