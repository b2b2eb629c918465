package dev.kontor.partner;

/** What the managed-customers grid is filtered by: part of the number or name, and whether ended ones show too. */
public record ManagedCustomerFilter(String text, boolean includeEnded) {

    public static ManagedCustomerFilter none() {
        return new ManagedCustomerFilter("", false);
    }
}
