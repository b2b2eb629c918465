package dev.kontor.contact;

import dev.kontor.base.AskedOnlyBy;
import java.util.List;

/**
 * Which contacts make up a partner's whole tree (its own, its tenants' and those of the tenants of the customers it
 * manages), answered by the partner feature: it shows the contacts and so depends on this feature, which must
 * therefore not read the partner's relationships itself. One statement per batch.
 */
@AskedOnlyBy(ContactExport.class)
public interface PartnerTreeContacts {

    /** The ids of at most {@code batchSize} contacts of the tree above {@code cursor}, in id order. */
    List<Long> idsAfter(long partnerId, long cursor, int batchSize);
}
