/**
 * Tells every Kontor node about changes that open pages wait for (a copy's progress, a notice being sent, an ended
 * access session), through the database they share: PostgreSQL's LISTEN/NOTIFY, or in memory on the single-node H2.
 */
package dev.kontor.base.cluster;
