package dev.kontor.contact;

import dev.kontor.user.Roles;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records contacts on the provider's behalf (its tooling, the demo data); people use {@link ContactService}. */
@Service
@PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
@Transactional
public class ContactProvisioning {

    private final ContactRepository contacts;
    private final Clock clock;

    ContactProvisioning(ContactRepository contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public long importContact(long organizationId, Long userId, String firstName, String lastName, String email,
                              String phone, String jobTitle, Set<ContactType> types) {
        ContactDetails details = ContactService.checked(firstName, lastName, phone, jobTitle, types);
        return contacts.save(new Contact(organizationId, userId, details, ContactService.checkedEmail(email),
                clock.instant())).getId();
    }

    /**
     * The organization's contacts after the one with id {@code afterId}, in id order, for the provider's
     * administration after its own check (it reads, never changes, its customers' contacts).
     */
    @Transactional(readOnly = true)
    public java.util.List<ContactRow> contactsAfter(long organizationId, long afterId, int limit) {
        return contacts.findBatch(java.util.List.of(organizationId), afterId,
                        org.springframework.data.domain.PageRequest.of(0, limit)).stream()
                .map(ContactService::row).toList();
    }

    /** One page of the organization's contacts by name, for the provider's administration after its own check. */
    @Transactional(readOnly = true)
    public java.util.List<ContactRow> contactsPage(long organizationId,
                                                   org.springframework.data.domain.Pageable pageable) {
        return contacts.findPage(organizationId, org.springframework.data.domain.PageRequest.of(
                        pageable.getPageNumber(), pageable.getPageSize(),
                        org.springframework.data.domain.Sort.by("lastName", "firstName", "id"))).stream()
                .map(ContactService::row).toList();
    }
}
