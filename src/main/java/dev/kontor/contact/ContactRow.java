package dev.kontor.contact;

import java.util.Set;

/** One contact as the grid shows it. {@code pendingEmail} is a new address waiting for its confirmation. */
public record ContactRow(long id, long organizationId, Long userId, String firstName, String lastName, String email,
                         String phone, String jobTitle, Set<ContactType> types, String pendingEmail, long version) {

    public String name() {
        return firstName + " " + lastName;
    }

    public boolean linked() {
        return userId != null;
    }
}
