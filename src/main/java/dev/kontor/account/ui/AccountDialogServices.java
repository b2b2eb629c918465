package dev.kontor.account.ui;

import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.kontor.access.AccessPolicyService;
import dev.kontor.account.AccountService;
import dev.kontor.account.ManagerService;
import dev.kontor.partner.CustomerPartnerService;

/** The services behind the account data dialog's sections, handed to it as one. */
@SpringComponent
record AccountDialogServices(AccountService accounts, ManagerService managers, CustomerPartnerService partners,
                             AccessPolicyService accessPolicies, dev.kontor.contact.ContactService contacts,
                             dev.kontor.contact.ContactExport contactExport,
                             dev.kontor.organization.SecondFactorPolicy secondFactors) {
}
