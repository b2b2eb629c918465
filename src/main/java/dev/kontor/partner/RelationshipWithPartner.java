package dev.kontor.partner;

/** A relationship with its partner's name, read in one statement. */
record RelationshipWithPartner(PartnerRelationship relationship, String partnerName) {
}
