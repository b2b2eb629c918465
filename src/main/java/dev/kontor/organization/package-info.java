/** The organization tree (provider, partners, customers, tenants) and who holds which role where. */
package dev.kontor.organization;
