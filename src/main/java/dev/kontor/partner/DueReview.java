package dev.kontor.partner;

/** An active relationship due for its access review, with what the e-mail needs; the contact person may be missing. */
public record DueReview(PartnerRelationship relationship, String customerName, String customerNumber, String partnerName,
                 Long contactUserId, String contactEmail, String contactName, String contactLanguage) {

    String customerLabel() {
        return customerName + " (" + customerNumber + ")";
    }

    NotifiedPerson contactPerson() {
        return contactUserId == null ? null : new NotifiedPerson(relationship.getCustomerId(), contactUserId,
                contactEmail, contactName, contactLanguage, false);
    }
}
