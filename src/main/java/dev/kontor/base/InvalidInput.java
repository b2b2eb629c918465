package dev.kontor.base;

import java.io.Serial;

/** Input that the service refuses, with the field it belongs to so that the view can show it next to that field. */
public class InvalidInput extends KontorException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInput(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
