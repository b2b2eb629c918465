package dev.kontor.account;

import dev.kontor.base.PhoneNumbers;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer account's own data, one row per CUSTOMER organization: address, billing address, the contact person
 * and their deputy (both user ids of active managers, held so by foreign keys), the out-of-hours number and when the
 * contact data was last confirmed.
 */
@Entity
@Table(name = "customer_account")
class CustomerAccount {

    @Id
    @Column(name = "organization_id")
    private Long organizationId;

    @Column(name = "street", length = MasterData.STREET_MAX)
    private String street;

    @Column(name = "postal_code", length = MasterData.POSTAL_CODE_MAX)
    private String postalCode;

    @Column(name = "city", length = MasterData.CITY_MAX)
    private String city;

    @Column(name = "country", length = 2)
    private String country;

    @Column(name = "billing_email", length = MasterData.EMAIL_MAX)
    private String billingEmail;

    @Column(name = "emergency_phone", length = MasterData.PHONE_MAX)
    private String emergencyPhone;

    /** The out-of-hours number in E.164, kept beside the typed one so that support finds it in any notation. */
    @Column(name = "emergency_phone_e164", length = 16)
    private String emergencyPhoneE164;

    @Column(name = "contact_person_id")
    private Long contactPersonId;

    @Column(name = "deputy_id")
    private Long deputyId;

    @Column(name = "contact_confirmed_at")
    private Instant contactConfirmedAt;

    @Column(name = "confirmation_requested_at")
    private Instant confirmationRequestedAt;

    @Column(name = "payment_method_on_file", nullable = false)
    private boolean paymentMethodOnFile;

    /**
     * The last change of the account's own data (name, address, state, contact person, deputy, services). Kept out
     * of the version: the version is the managers' data's (their dialog and the provider's name-and-address change
     * check it), and a change of state or services alone must not turn their next save into "changed meanwhile".
     */
    @Column(name = "changed_at", nullable = false)
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private Instant changedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CustomerAccount() {
    }

    CustomerAccount(long organizationId, Instant now) {
        this.organizationId = organizationId;
        this.changedAt = now;
    }

    long getOrganizationId() {
        return organizationId;
    }

    long getVersion() {
        return version;
    }

    Long getContactPersonId() {
        return contactPersonId;
    }

    Long getDeputyId() {
        return deputyId;
    }

    Instant getContactConfirmedAt() {
        return contactConfirmedAt;
    }

    Instant getConfirmationRequestedAt() {
        return confirmationRequestedAt;
    }

    MasterData masterData(String companyName) {
        return new MasterData(companyName, street, postalCode, city, country, billingEmail, emergencyPhone);
    }

    void update(MasterData data, Instant now) {
        changedAt = now;
        street = data.street();
        postalCode = data.postalCode();
        city = data.city();
        country = data.country();
        billingEmail = data.billingEmail();
        emergencyPhone = data.emergencyPhone();
        emergencyPhoneE164 = PhoneNumbers.searchForm(emergencyPhone).orElse(null);
    }

    void appointContactPerson(long userId, Instant now) {
        if (Objects.equals(deputyId, userId)) {
            deputyId = null;
        }
        contactPersonId = userId;
        contactConfirmedAt = now;
        changedAt = now;
        confirmationRequestedAt = null;
    }

    void appointDeputy(Long userId, Instant now) {
        deputyId = userId;
        changedAt = now;
    }

    void confirmContactData(Instant now) {
        contactConfirmedAt = now;
        changedAt = now;
        confirmationRequestedAt = null;
    }

    /** Something of the account kept elsewhere changed (its name or state, its services): syncing systems see it. */
    void touch(Instant now) {
        changedAt = now;
    }

    Instant getChangedAt() {
        return changedAt;
    }

    void recordPaymentMethod(boolean onFile) {
        paymentMethodOnFile = onFile;
    }

    void confirmationRequested(Instant now) {
        confirmationRequestedAt = now;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CustomerAccount other && Objects.equals(organizationId, other.organizationId));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(organizationId);
    }
}
