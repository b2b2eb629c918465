package dev.kontor.account;

import dev.kontor.organization.OrganizationKind;
import dev.kontor.organization.OrganizationSummary;
import java.util.Locale;

/** An account whose contact person is due to be asked, with what the e-mail needs, read in one statement. */
record DueReminder(long accountId, String accountName, String customerNumber, String contactEmail,
                   String contactName, String contactLanguage) {

    OrganizationSummary account() {
        return new OrganizationSummary(accountId, OrganizationKind.CUSTOMER, accountName, customerNumber);
    }

    Locale language() {
        return contactLanguage == null ? null : Locale.forLanguageTag(contactLanguage);
    }
}
