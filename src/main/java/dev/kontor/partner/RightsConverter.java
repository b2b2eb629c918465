package dev.kontor.partner;

import dev.kontor.organization.OrganizationRight;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of rights as a comma-separated list in their declared order, e.g. "VIEW,MANAGE_USERS". */
@Converter
class RightsConverter implements AttributeConverter<Set<OrganizationRight>, String> {

    @Override
    public String convertToDatabaseColumn(Set<OrganizationRight> rights) {
        if (rights == null) {
            return null;
        }
        return EnumSet.copyOf(withView(rights)).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<OrganizationRight> convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        EnumSet<OrganizationRight> rights = EnumSet.noneOf(OrganizationRight.class);
        Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(OrganizationRight::valueOf)
                .forEach(rights::add);
        return rights;
    }

    /** Every partner that holds any right may at least see the account. */
    static Set<OrganizationRight> withView(Set<OrganizationRight> rights) {
        EnumSet<OrganizationRight> all = EnumSet.of(OrganizationRight.VIEW);
        all.addAll(rights);
        return all;
    }
}
