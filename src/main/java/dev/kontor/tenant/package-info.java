/**
 * Tenants' own look: the small logo shown in their pages, accepted only after its content has been checked.
 */
package dev.kontor.tenant;
