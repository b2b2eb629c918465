package dev.kontor.access;

/** The account a partner user is about to enter, named as the access page names it, and whether a reason is due. */
public record AccessEntrance(String customerName, String customerNumber, boolean reasonRequired) {
}
