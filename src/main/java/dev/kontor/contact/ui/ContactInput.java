package dev.kontor.contact.ui;

import dev.kontor.base.PhoneNumbers;
import dev.kontor.contact.ContactRow;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.NewContact;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the contact form holds, bound field by field: filled from a contact being edited, written only when every
 * field is valid, and turned into the service's {@link NewContact} with the user the form chose.
 */
final class ContactInput {

    private String firstName = "";
    private String lastName = "";
    private String email = "";
    private String phone = "";
    private String jobTitle = "";
    private Set<ContactType> types = EnumSet.noneOf(ContactType.class);

    static ContactInput of(ContactRow contact) {
        ContactInput input = new ContactInput();
        input.firstName = contact.firstName();
        input.lastName = contact.lastName();
        input.email = contact.email();
        // as people write it, not as it is kept (E.164)
        input.phone = PhoneNumbers.readable(contact.phone());
        input.jobTitle = contact.jobTitle() == null ? "" : contact.jobTitle();
        input.types = contact.types();
        return input;
    }

    NewContact request(Long userId) {
        return new NewContact(userId, firstName, lastName, email, phone, jobTitle, Set.copyOf(types));
    }

    String getFirstName() {
        return firstName;
    }

    void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    String getLastName() {
        return lastName;
    }

    void setLastName(String lastName) {
        this.lastName = lastName;
    }

    String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    String getPhone() {
        return phone;
    }

    void setPhone(String phone) {
        this.phone = phone;
    }

    String getJobTitle() {
        return jobTitle;
    }

    void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    Set<ContactType> getTypes() {
        return types;
    }

    void setTypes(Set<ContactType> types) {
        this.types = types;
    }
}
