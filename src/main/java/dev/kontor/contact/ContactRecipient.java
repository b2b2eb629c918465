package dev.kontor.contact;

/**
 * One person to mail about a matter: a contact's e-mail address, once however many organizations name it.
 *
 * @param email             the address (lower case)
 * @param name              first and last name as one of those organizations wrote them down
 * @param organizationName  one of the organizations (the first by name) whose contact the person is
 * @param organizations     of how many organizations in the audience the person is such a contact
 */
public record ContactRecipient(String email, String name, String organizationName, int organizations) {
}
