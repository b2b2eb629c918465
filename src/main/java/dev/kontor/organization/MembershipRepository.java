package dev.kontor.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The memberships. Every query that answers "what may this person do" counts only memberships of ACTIVE
 * organizations: the people of a suspended partner or a suspended or closed customer account hold no rights there.
 */
interface MembershipRepository extends JpaRepository<Membership, Long> {

    @Query("""
            select new dev.kontor.organization.MyOrganization(o.id, o.kind, o.name, o.customerNumber, m.role)
            from Membership m join m.organization o
            where m.user.id = :userId and m.state = :state
              and o.state = dev.kontor.organization.OrganizationState.ACTIVE
            order by o.name, m.role
            """)
    Slice<MyOrganization> findOrganizationsOf(long userId, MembershipState state, Pageable pageable);

    @Query("""
            select new dev.kontor.organization.MyOrganization(o.id, o.kind, o.name, o.customerNumber, m.role)
            from Membership m join m.organization o
            where m.user.id = :userId and m.state = :state and o.kind = :kind
              and o.state = dev.kontor.organization.OrganizationState.ACTIVE
            order by o.name, m.role
            """)
    List<MyOrganization> findOrganizationsOfKind(long userId, MembershipState state, OrganizationKind kind);

    /** Whether the person holds a membership in the organization in any state, whatever its state. */
    @Query("""
            select count(m) > 0 from Membership m where m.user.id = :userId and m.organization.id = :organizationId
            """)
    boolean existsIn(long userId, long organizationId);

    @Query("""
            select count(m) > 0 from Membership m
            where m.user.id = :userId and m.state = dev.kontor.organization.MembershipState.ACTIVE
              and m.organization.kind = :kind
              and m.organization.state <> dev.kontor.organization.OrganizationState.ACTIVE
            """)
    boolean existsInInactive(long userId, OrganizationKind kind);

    @Query("""
            select distinct m.role from Membership m where m.user.id = :userId and m.state = :state
              and m.organization.state = dev.kontor.organization.OrganizationState.ACTIVE
            """)
    List<MembershipRole> findRolesOf(long userId, MembershipState state);

    @Query("""
            select m.role from Membership m
            where m.user.id = :userId and m.organization.id = :organizationId and m.state = :state
              and m.organization.state = dev.kontor.organization.OrganizationState.ACTIVE
            """)
    List<MembershipRole> findRolesIn(long userId, long organizationId, MembershipState state);

    @Query("""
            select new dev.kontor.organization.HeldRole(m.organization.id, m.role) from Membership m
            where m.user.id = :userId and m.organization.id in :organizationIds and m.state = :state
              and m.organization.state = dev.kontor.organization.OrganizationState.ACTIVE
            """)
    List<HeldRole> findRolesInAny(long userId, java.util.Collection<Long> organizationIds, MembershipState state);

    boolean existsByUserIdAndOrganizationIdAndRoleAndState(long userId, long organizationId, MembershipRole role,
                                                            MembershipState state);

    Optional<Membership> findByUserIdAndOrganizationIdAndRole(long userId, long organizationId, MembershipRole role);

    @Query("""
            select new dev.kontor.organization.Member(m.id, u.id,
                   case when m.state = dev.kontor.organization.MembershipState.INVITED and m.invitedName is not null
                        then m.invitedName else u.displayName end,
                   u.email, m.role, m.state, m.version)
            from Membership m join m.user u
            where m.organization.id = :organizationId and m.role = :role
            order by case when m.state = dev.kontor.organization.MembershipState.INVITED and m.invitedName is not null
                        then m.invitedName else u.displayName end, u.email
            """)
    List<Member> findMembers(long organizationId, MembershipRole role);

    @Query("""
            select new dev.kontor.organization.Member(m.id, u.id,
                   case when m.state = dev.kontor.organization.MembershipState.INVITED and m.invitedName is not null
                        then m.invitedName else u.displayName end,
                   u.email, m.role, m.state, m.version)
            from Membership m join m.user u
            where m.organization.id = :organizationId
            order by case when m.state = dev.kontor.organization.MembershipState.INVITED and m.invitedName is not null
                        then m.invitedName else u.displayName end, u.email, m.role
            """)
    List<Member> findAllMembers(long organizationId);

    /** Whether the person holds any membership of the organization, in any role and state. */
    boolean existsByUserIdAndOrganizationId(long userId, long organizationId);

    /** The active members in these roles, who are told of every change among the organization's members. */
    @Query("""
            select m from Membership m join fetch m.user
            where m.organization.id = :organizationId and m.role in :roles
              and m.state = dev.kontor.organization.MembershipState.ACTIVE
            """)
    List<Membership> findActiveIn(long organizationId, java.util.Collection<MembershipRole> roles);

    /** The active members in these roles of any of these organizations, in one statement for a whole path. */
    @Query("""
            select m from Membership m join fetch m.user join fetch m.organization
            where m.organization.id in :organizationIds and m.role in :roles
              and m.state = dev.kontor.organization.MembershipState.ACTIVE
            """)
    List<Membership> findActiveInAny(java.util.Collection<Long> organizationIds,
                                     java.util.Collection<MembershipRole> roles);

    long countByOrganizationIdAndRoleAndState(long organizationId, MembershipRole role, MembershipState state);

    /** The person's active memberships in these roles of any of these organizations. */
    @Query("""
            select m from Membership m
            where m.user.id = :userId and m.organization.id in :organizationIds and m.role in :roles
              and m.state = dev.kontor.organization.MembershipState.ACTIVE
              and m.organization.state = dev.kontor.organization.OrganizationState.ACTIVE
            """)
    List<Membership> findActiveOf(long userId, java.util.Collection<Long> organizationIds,
                                  java.util.Collection<MembershipRole> roles);

    /** The memberships a partner asked for that nobody has approved yet: invited, or accepted and waiting. */
    @Query("""
            select m from Membership m
            where m.organization.id = :organizationId and m.invitedByPartnerId is not null
              and m.state in (dev.kontor.organization.MembershipState.INVITED,
                              dev.kontor.organization.MembershipState.APPROVAL_PENDING)
            order by m.id
            """)
    List<Membership> findWaitingForApproval(long organizationId);

    /** One page of an organization's memberships in these roles and states whose shown name or address matches. */
    @Query("""
            select new dev.kontor.organization.Member(m.id, u.id,
                   case when m.state = dev.kontor.organization.MembershipState.INVITED and m.invitedName is not null
                        then m.invitedName else u.displayName end,
                   u.email, m.role, m.state, m.version)
            from Membership m join m.user u
            where m.organization.id = :organizationId and m.role in :roles and m.state in :states
              and (lower(u.displayName) like :pattern escape '\\' or lower(u.email) like :pattern escape '\\'
                   or lower(coalesce(m.invitedName, '')) like :pattern escape '\\')
            order by case when m.state = dev.kontor.organization.MembershipState.INVITED and m.invitedName is not null
                        then lower(m.invitedName) else lower(u.displayName) end, u.email, m.role, m.id
            """)
    List<Member> findMembersMatching(long organizationId, java.util.Collection<MembershipRole> roles,
                                     java.util.Collection<MembershipState> states, String pattern,
                                     org.springframework.data.domain.Pageable pageable);

    @Query("""
            select count(m) from Membership m join m.user u
            where m.organization.id = :organizationId and m.role in :roles and m.state in :states
              and (lower(u.displayName) like :pattern escape '\\' or lower(u.email) like :pattern escape '\\'
                   or lower(coalesce(m.invitedName, '')) like :pattern escape '\\')
            """)
    long countMembersMatching(long organizationId, java.util.Collection<MembershipRole> roles,
                              java.util.Collection<MembershipState> states, String pattern);


    /** Whether any provider organization has an active administrator. */
    @Query("""
            select count(m) > 0 from Membership m
            where m.organization.kind = dev.kontor.organization.OrganizationKind.PROVIDER
              and m.role = dev.kontor.organization.MembershipRole.PROVIDER_ADMINISTRATOR
              and m.state = dev.kontor.organization.MembershipState.ACTIVE
            """)
    boolean existsActiveProviderAdministrator();

    /** The people with an active membership of the organization, each once. */
    @Query("""
            select distinct m.user.id from Membership m
            where m.organization.id = :organizationId and m.state = dev.kontor.organization.MembershipState.ACTIVE
            """)
    List<Long> findActiveUserIds(long organizationId);

    /** The organizations in which the person holds an active membership that grants something, each once. */
    @Query("""
            select distinct m.organization.id from Membership m
            where m.user.id = :userId and m.state = dev.kontor.organization.MembershipState.ACTIVE
              and m.organization.state = dev.kontor.organization.OrganizationState.ACTIVE
            """)
    List<Long> findActiveOrganizationIdsOf(long userId);

    /**
     * The ancestor paths of the organizations in which the person holds an active membership, each with the
     * organization's own id appended: every organization whose rules apply to them.
     */
    @Query("""
            select distinct concat(o.ancestorPath, cast(o.id as String), '/') from Membership m join m.organization o
            where m.user.id = :userId and m.state = dev.kontor.organization.MembershipState.ACTIVE
              and o.state = dev.kontor.organization.OrganizationState.ACTIVE
            """)
    List<String> findActivePathsOf(long userId);
}
