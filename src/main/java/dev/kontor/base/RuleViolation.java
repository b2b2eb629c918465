package dev.kontor.base;

import java.io.Serial;

/** A business rule forbids what was asked, e.g. "Choose another contact person first". */
public class RuleViolation extends KontorException {

    @Serial
    private static final long serialVersionUID = 1L;

    public RuleViolation(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
