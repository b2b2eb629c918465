package dev.kontor.base;

import java.io.Serial;

/** The caller has no right to the organization or the action; the attempt has been audited already. */
public class AccessRefused extends KontorException {

    @Serial
    private static final long serialVersionUID = 1L;

    public AccessRefused() {
        super("error.access-refused");
    }
}
