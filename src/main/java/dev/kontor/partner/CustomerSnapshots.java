package dev.kontor.partner;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads the customer as its partner sees it, for a relationship about to close: one statement for any number. */
@Component
class CustomerSnapshots {

    private final CustomerAccountFacts accounts;

    CustomerSnapshots(CustomerAccountFacts accounts) {
        this.accounts = accounts;
    }

    CustomerSnapshot of(long customerId) {
        return of(List.of(customerId)).get(customerId);
    }

    Map<Long, CustomerSnapshot> of(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return accounts.findSnapshots(customerIds).stream()
                .collect(Collectors.toMap(CustomerSnapshot::customerId, Function.identity()));
    }
}
