package dev.kontor.contact;

import java.util.Set;

/** A contact's names, optional phone (E.164) and job title, and its types; checked by the service. */
public record ContactDetails(String firstName, String lastName, String phone, String jobTitle,
                             Set<ContactType> types) {
}
