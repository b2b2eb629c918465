package dev.kontor.account;

import dev.kontor.base.InvalidInput;
import dev.kontor.base.TextRules;
import dev.kontor.user.EmailAddress;
import java.util.Locale;
import java.util.Set;

/** Validates and normalises master data before anything is written; the form applies the same limits. */
final class MasterDataRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private MasterDataRules() {
    }

    static MasterData validated(MasterData data) {
        String companyName = TextRules.organizationName("companyName", data.companyName(), MasterData.COMPANY_NAME_MAX);
        String street = TextRules.check("street", data.street(), MasterData.STREET_MAX);
        String postalCode = TextRules.check("postalCode", data.postalCode(), MasterData.POSTAL_CODE_MAX);
        if (postalCode != null && !MasterData.POSTAL_CODE.matcher(postalCode).matches()) {
            throw new InvalidInput("postalCode", "validation.postal-code");
        }
        String city = TextRules.check("city", data.city(), MasterData.CITY_MAX);
        String country = TextRules.trimToNull(data.country());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                throw new InvalidInput("country", "validation.country");
            }
        }
        String billingEmail = TextRules.trimToNull(data.billingEmail());
        if (billingEmail != null) {
            if (!EmailAddress.isValid(billingEmail)) {
                throw new InvalidInput("billingEmail", "validation.email");
            }
            billingEmail = EmailAddress.normalize(billingEmail);
        }
        String phone = TextRules.trimToNull(data.emergencyPhone());
        if (phone != null && (phone.length() > MasterData.PHONE_MAX || !MasterData.PHONE.matcher(phone).matches())) {
            throw new InvalidInput("emergencyPhone", "validation.phone");
        }
        return new MasterData(companyName, street, postalCode, city, country, billingEmail, phone);
    }
}
