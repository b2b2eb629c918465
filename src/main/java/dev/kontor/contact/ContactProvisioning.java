package dev.kontor.contact;

import dev.kontor.user.Caller;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records contacts on the provider's behalf (its tooling, the demo data); people use {@link ContactService}. */
@Service
@Transactional
public class ContactProvisioning {

    private final ContactRepository contacts;
    private final Clock clock;

    ContactProvisioning(ContactRepository contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public long importContact(Caller.Task task, long organizationId, Long userId, String firstName, String lastName,
                              String email, String phone, String jobTitle, Set<ContactType> types) {
        Caller.requireTask(task);
        ContactDetails details = ContactService.checked(firstName, lastName, phone, jobTitle, types);
        return contacts.save(new Contact(organizationId, userId, details, ContactService.checkedEmail(email),
                clock.instant())).getId();
    }

    /**
     * The organization's contacts after the one with id {@code afterId}, in id order, for the provider's
     * administration after its own check (it reads, never changes, its customers' contacts).
     */
    @Transactional(readOnly = true)
    public java.util.List<ContactRow> contactsAfter(Caller.Task task, long organizationId, long afterId, int limit) {
        Caller.requireTask(task);
        return contacts.findBatch(java.util.List.of(organizationId), afterId,
                        org.springframework.data.domain.PageRequest.of(0, limit)).stream()
                .map(ContactService::row).toList();
    }

    /** One page of the organization's contacts by name, for the provider's administration after its own check. */
    @Transactional(readOnly = true)
    public java.util.List<ContactRow> contactsPage(Caller.Task task, long organizationId,
                                                   org.springframework.data.domain.Pageable pageable) {
        Caller.requireTask(task);
        return contacts.findPage(organizationId, org.springframework.data.domain.PageRequest.of(
                        pageable.getPageNumber(), pageable.getPageSize(),
                        org.springframework.data.domain.Sort.by("lastName", "firstName", "id"))).stream()
                .map(ContactService::row).toList();
    }
}
