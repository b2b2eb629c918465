package dev.kontor.support;

import dev.kontor.base.PhoneNumbers;
import java.time.Instant;
import java.util.List;

/**
 * What support needs in an emergency, in the order they need it: the contact person, the deputy and the
 * out-of-hours number, how fresh the contact data is, the technical contacts, the managing partner and its technical
 * contacts, the services, and the last changes to all this.
 */
public record SupportCard(long customerId, String customerNumber, String name, CardPerson contactPerson,
                          CardPerson deputy, String emergencyPhone, Instant confirmedAt, boolean confirmationOverdue,
                          List<CardPerson> technicalContacts, String partnerName, List<CardPerson> partnerTechnical,
                          List<String> services, List<CardChange> lastChanges) {

    /** A plain-text summary for an incident ticket. */
    public String plainText(java.util.function.BiFunction<String, Object[], String> text) {
        StringBuilder out = new StringBuilder();
        out.append(name).append(" (").append(customerNumber).append(")\n");
        line(out, text.apply("support.card.contact-person", new Object[0]), contactPerson);
        line(out, text.apply("support.card.deputy", new Object[0]), deputy);
        if (emergencyPhone != null) {
            out.append(text.apply("support.card.emergency", new Object[0])).append(": ").append(emergencyPhone)
                    .append('\n');
        }
        for (CardPerson technical : technicalContacts) {
            line(out, text.apply("support.card.technical", new Object[0]), technical);
        }
        if (partnerName != null) {
            out.append(text.apply("support.card.partner", new Object[0])).append(": ").append(partnerName)
                    .append('\n');
            for (CardPerson technical : partnerTechnical) {
                line(out, text.apply("support.card.partner-technical", new Object[0]), technical);
            }
        }
        if (!services.isEmpty()) {
            out.append(text.apply("support.card.services", new Object[0])).append(": ")
                    .append(String.join(", ", services)).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, CardPerson person) {
        if (person == null) {
            return;
        }
        out.append(label).append(": ").append(person.name());
        if (person.phone() != null) {
            out.append(", ").append(PhoneNumbers.readable(person.phone()));
        }
        if (person.email() != null) {
            out.append(", ").append(person.email());
        }
        out.append('\n');
    }
}
