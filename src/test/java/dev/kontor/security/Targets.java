package dev.kontor.security;

import dev.kontor.organization.CustomerNumber;

/**
 * The ids an attempt passes, all of one {@link IdVariant}: the victim's real ids (with the versions the victim's
 * rows have, so that no stale version is what refuses the attempt), or unknown, negative or huge ones.
 */
record Targets(IdVariant variant, long provider, long partner, long account, String customerNumber,
               long relationship, long pendingRequest, long membership, long invitedMembership, long user,
               long employeeUser, long tenant, long tenantMaster, long subTenant, long tenantMembership,
               long contact, long copy, long session, long notice, String searchText, String token,
               long accountVersion, long tenantVersion, long tenantProfileVersion, long contactVersion,
               long relationshipVersion, long waitingMembership, long waitingTenantMembership) {

    /** A well-formed token that was never issued. */
    static final String FORGED_TOKEN = "Zm9yZ2VkLXRva2VuLXRoYXQtd2FzLW5ldmVyLWlzc3VlZA";
    static final String MALFORMED_TEXT = "CN-1' OR '1'='1 --<script>/../%00";

    static Targets of(MatrixWorld world, IdVariant variant) {
        return switch (variant) {
            case FOREIGN -> new Targets(variant, world.provider, world.partner, world.customer, world.customerNumber,
                    world.relationship, world.pendingRequest, world.managerMembership, world.invitedMembership,
                    world.managerUser, world.assignedEmployeeUser, world.siblingTenant, world.customer,
                    world.subTenant, world.tenantAdministratorMembership, world.contact, world.copy,
                    world.accessSession, world.notice, world.tag, FORGED_TOKEN,
                    world.version("customer_account", world.customer),
                    world.version("organization", world.siblingTenant),
                    world.version("tenant", world.siblingTenant), world.version("contact", world.contact),
                    world.version("partner_relationship", world.relationship), world.waitingMembership,
                    world.waitingTenantMembership);
            case UNKNOWN -> same(variant, MatrixWorld.UNKNOWN_ID, "CN-" + MatrixWorld.UNKNOWN_ID, FORGED_TOKEN);
            case NEGATIVE -> same(variant, -1, "CN-1", FORGED_TOKEN + "-");
            case HUGE -> same(variant, Long.MAX_VALUE, "CN-999999999999", FORGED_TOKEN.repeat(40));
            case MALFORMED -> same(variant, MatrixWorld.UNKNOWN_ID, MALFORMED_TEXT, MALFORMED_TEXT);
        };
    }

    /** A tenant's and an account's ids, for attempts on a context of its own (over HTTP) without a whole victim. */
    static Targets demo(IdVariant variant, long tenant, String customerNumber) {
        if (variant != IdVariant.FOREIGN) {
            return of(null, variant);
        }
        Targets unknown = same(variant, MatrixWorld.UNKNOWN_ID, customerNumber, FORGED_TOKEN);
        return new Targets(variant, unknown.provider(), unknown.partner(), unknown.account(), customerNumber,
                unknown.relationship(), unknown.pendingRequest(), unknown.membership(), unknown.invitedMembership(),
                unknown.user(), unknown.employeeUser(), tenant, unknown.tenantMaster(), unknown.subTenant(),
                unknown.tenantMembership(), unknown.contact(), unknown.copy(), unknown.session(), unknown.notice(),
                customerNumber, FORGED_TOKEN, 0, 0, 0, 0, 0, unknown.waitingMembership(),
                unknown.waitingTenantMembership());
    }

    private static Targets same(IdVariant variant, long id, String text, String token) {
        return new Targets(variant, id, id, id, text, id, id, id, id, id, id, id, id, id, id, id, id, id, id, text,
                token, 0, 0, 0, 0, 0, id, id);
    }

    /** The customer number as the typed parameter; text that is not one becomes a number that names nothing. */
    CustomerNumber number() {
        return CustomerNumber.parse(customerNumber).orElseGet(() -> new CustomerNumber("CN-" + MatrixWorld.UNKNOWN_ID));
    }
}
