package dev.kontor.notice;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Who a notice is for: every organization of the provider, or the chosen ones, named by customer number and by the
 * exact name of a partner. A chosen organization stands for itself and every organization below it: a partner with
 * its own tenants, its customer accounts and their tenants; a customer account with its tenants.
 */
public record NoticeAudience(boolean all, List<String> customerNumbers, List<String> partnerNames) {

    public NoticeAudience {
        customerNumbers = List.copyOf(Objects.requireNonNull(customerNumbers));
        partnerNames = List.copyOf(Objects.requireNonNull(partnerNames));
    }

    public static NoticeAudience everyone() {
        return new NoticeAudience(true, List.of(), List.of());
    }

    public static NoticeAudience chosen(List<String> customerNumbers, List<String> partnerNames) {
        return new NoticeAudience(false, customerNumbers, partnerNames);
    }

    /**
     * From what a form's two text areas hold: customer numbers separated by commas, semicolons, spaces or line
     * breaks; partner names one per line (a name may contain commas).
     */
    public static NoticeAudience typed(String customerNumbers, String partnerNames) {
        List<String> numbers = customerNumbers == null ? List.of()
                : Arrays.stream(customerNumbers.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                        .toList();
        List<String> names = partnerNames == null ? List.of()
                : partnerNames.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return chosen(numbers, names);
    }
}
