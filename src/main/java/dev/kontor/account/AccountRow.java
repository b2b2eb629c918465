package dev.kontor.account;

import java.time.Instant;

/** One row of the dashboard query, before the services are added. */
record AccountRow(long accountId, String customerNumber, String name, Long contactPersonId, String contactPersonName,
                  Instant contactConfirmedAt) {
}
