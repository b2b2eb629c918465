package dev.kontor.partner;

import dev.kontor.user.TestTasks;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.testing.Fixtures;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccountService;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A fresh partner with a legal representative, an administrator and an employee, and customers for it; a bean of every
 * Spring test, so that a test only asks for it.
 */
@TestComponent
public final class PartnerTestData {

    private final OrganizationOnboarding onboarding;
    private final UserAccountService users;
    private final PartnerProvisioning provisioning;
    private final String passwordHash;

    PartnerTestData(OrganizationOnboarding onboarding, UserAccountService users, PartnerProvisioning provisioning,
                    PasswordEncoder passwordEncoder) {
        this.onboarding = onboarding;
        this.users = users;
        this.provisioning = provisioning;
        this.passwordHash = passwordEncoder.encode(Fixtures.PASSWORD);
    }

    TestPartner partner() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider " + tag);
        Organization partner = onboarding.createPartner(TestTasks.setUp(), "Partner " + tag, provider.getId());
        long legal = person("legal-" + tag, partner.getId(), MembershipRole.LEGAL_REPRESENTATIVE);
        long admin = person("admin-" + tag, partner.getId(), MembershipRole.PARTNER_ADMINISTRATOR);
        long employee = person("employee-" + tag, partner.getId(), MembershipRole.PARTNER_EMPLOYEE);
        return new TestPartner(partner.getId(), provider.getId(), tag, legal, admin, employee);
    }

    /** A customer of the partner with one active manager and an active relationship with the given rights. */
    TestCustomer activeCustomer(TestPartner partner, String name, Set<OrganizationRight> rights) {
        Organization customer = onboarding.createCustomer(TestTasks.setUp(), name, partner.partnerId());
        String managerEmail = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        long manager = person(managerEmail.replace("@example.test", ""), customer.getId(), MembershipRole.MANAGER);
        long relationship = provisioning.importActiveRelationship(TestTasks.setUp(), partner.partnerId(),
                customer.getId(), rights,
                managerEmail, manager);
        return new TestCustomer(customer.getId(), customer.getCustomerNumber().orElseThrow().value(),
                managerEmail, relationship);
    }

    /** A customer below the provider, not (yet) related to any partner. */
    TestCustomer independentCustomer(TestPartner partner) {
        Organization customer = onboarding.createCustomer(TestTasks.setUp(), "Independent " + partner.tag(),
                partner.providerId());
        String managerEmail = "solo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        person(managerEmail.replace("@example.test", ""), customer.getId(), MembershipRole.MANAGER);
        return new TestCustomer(customer.getId(), customer.getCustomerNumber().orElseThrow().value(),
                managerEmail, 0);
    }

    void assign(TestPartner partner, TestCustomer customer) {
        provisioning.importAssignment(TestTasks.setUp(), partner.partnerId(), customer.customerId(),
                partner.employee());
    }

    private long person(String localPart, long organizationId, MembershipRole role) {
        long id = users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(localPart + "@example.test"),
                localPart,
                passwordHash).getId();
        onboarding.grant(TestTasks.setUp(), id, organizationId, role);
        return id;
    }

    record TestPartner(long partnerId, long providerId, String tag, long legal, long admin, long employee) {
        String legalEmail() {
            return "legal-" + tag + "@example.test";
        }

        String adminEmail() {
            return "admin-" + tag + "@example.test";
        }

        String employeeEmail() {
            return "employee-" + tag + "@example.test";
        }
    }

    record TestCustomer(long customerId, String customerNumber, String managerEmail, long relationshipId) {
    }
}
