package dev.kontor.organization;

/** An organization's name and number, for pages that must name it (e.g. an invitation) without more. */
public record OrganizationSummary(long id, OrganizationKind kind, String name, String customerNumber) {

    /** "Bäckerei Sonnenschein (CN-10001)", or the plain name when it has no number. */
    public String label() {
        return customerNumber == null ? name : name + " (" + customerNumber + ")";
    }
}
