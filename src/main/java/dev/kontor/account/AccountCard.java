package dev.kontor.account;

import java.util.List;

/**
 * One customer account on the dashboard: number, name, services, contact person and the viewer's role there, and
 * whether the contact data awaits its periodic confirmation.
 */
public record AccountCard(long accountId, String customerNumber, String name, List<ServiceInfo> services,
                          String contactPersonName, boolean viewerIsContactPerson, boolean confirmationOverdue) {
}
