/**
 * Volume data: a seeded, reproducible data set of production size (200 partners, 100,000 customer accounts, a tenant
 * tree of 10,000 nodes, 300,000 contacts, 50,000 partner relationships, 1,000,000 audit events) for benchmarks and load
 * tests, loaded once into an empty database when {@code kontor.volume.enabled} is true.
 *
 * <p>It is a data-loading tool: it writes every feature's tables directly in JDBC batches (or PostgreSQL COPY),
 * because loading millions of rows through the services would take hours. It therefore knows every table's columns
 * and rules; {@code VolumeDataTest} loads a small set on H2 and PostgreSQL and reads it through the real services,
 * which keeps it in step with the schema. Nothing else depends on this module.
 */
package dev.kontor.volume;
