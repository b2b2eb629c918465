package dev.kontor.partner;

import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.AccessRefused;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationService;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which partner the signed-in person works for and in which role; refuses (and audits) calls for a partner they
 * do not belong to, or that their role does not allow.
 */
@Component
class PartnerAccess {

    static final String PARTNER_ACCESS_DENIED = "PARTNER_ACCESS_DENIED";
    private static final List<MembershipRole> BY_WEIGHT = List.of(MembershipRole.LEGAL_REPRESENTATIVE,
            MembershipRole.PARTNER_ADMINISTRATOR, MembershipRole.PARTNER_EMPLOYEE);

    private final OrganizationService organizations;
    private final AuditLog auditLog;

    private final Callers callers;

    PartnerAccess(OrganizationService organizations, AuditLog auditLog, Callers callers) {
        this.callers = callers;
        this.organizations = organizations;
        this.auditLog = auditLog;
    }

    List<PartnerMembership> myPartners() {
        return organizations.myOrganizationsOfKind(OrganizationKind.PARTNER).stream()
                .filter(o -> BY_WEIGHT.contains(o.role()))
                .map(o -> new PartnerMembership(o.organizationId(), o.name(), o.role()))
                .sorted(Comparator.comparing(PartnerMembership::partnerName)
                        .thenComparing(m -> BY_WEIGHT.indexOf(m.role())))
                .toList();
    }

    /** The signed-in person's strongest role in the partner, if any. */
    Optional<MembershipRole> roleIn(long partnerId) {
        callers.requirePerson();
        List<MembershipRole> roles = organizations.myRolesIn(partnerId);
        return BY_WEIGHT.stream().filter(roles::contains).findFirst();
    }

    /** The person's membership in the partner when their role is one of {@code allowed}; else audited refusal. */
    PartnerMembership require(long partnerId, Set<MembershipRole> allowed, AuditSummary.Term attempted) {
        Optional<MembershipRole> role = roleIn(partnerId);
        if (role.isEmpty() || !allowed.contains(role.get())) {
            auditLog.recordIndependently(AuditEntry.denied(PARTNER_ACCESS_DENIED, partnerId,
                    AuditSummary.of("refused-partner-role", attempted,
                            role.map(r -> AuditSummary.term("membership.role." + r))
                                    .orElseGet(() -> AuditSummary.term("audit.term.no-role")))));
            throw new AccessRefused();
        }
        return new PartnerMembership(partnerId, null, role.get());
    }

    static final Set<MembershipRole> ANYONE = EnumSet.of(MembershipRole.LEGAL_REPRESENTATIVE,
            MembershipRole.PARTNER_ADMINISTRATOR, MembershipRole.PARTNER_EMPLOYEE);
    static final Set<MembershipRole> LEADS = EnumSet.of(MembershipRole.LEGAL_REPRESENTATIVE,
            MembershipRole.PARTNER_ADMINISTRATOR);
    static final Set<MembershipRole> LEGAL = EnumSet.of(MembershipRole.LEGAL_REPRESENTATIVE);
}
