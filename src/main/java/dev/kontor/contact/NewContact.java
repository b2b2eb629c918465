package dev.kontor.contact;

/**
 * What the Add contact form sends: an existing user of the organization ({@code userId}), or a person without
 * access (then {@code userId} is null and the e-mail address is required).
 */
public record NewContact(Long userId, String firstName, String lastName, String email, String phone,
                         String jobTitle, java.util.Set<ContactType> types) {
}
