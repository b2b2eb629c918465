package dev.kontor.base;

import java.io.Serial;

/** Someone else changed the data since it was shown: nothing was saved, the person should reload. */
public class StaleData extends KontorException {

    @Serial
    private static final long serialVersionUID = 1L;

    public StaleData() {
        super("error.stale-data");
    }
}
