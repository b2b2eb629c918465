package dev.kontor.account;

import dev.kontor.access.AccountContactPersons;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The account feature's answer to the access feature's question for an account's contact person. */
@Component
class AccessContactPersons implements AccountContactPersons {

    private final PartnerCustomerQueries queries;

    AccessContactPersons(PartnerCustomerQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<ContactPerson> of(long customerId) {
        return queries.findContactPersons(List.of(customerId)).stream().findFirst()
                .map(person -> new ContactPerson(person.email(), person.displayName(), person.language()));
    }
}
