package dev.kontor.base;

import java.io.Serial;
import java.util.Arrays;

/**
 * A refusal that a person should understand: it carries the i18n key of its message (and the message's arguments),
 * so that every view shows it in the person's language without catching it itself.
 */
public abstract class KontorException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] arguments;

    protected KontorException(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
