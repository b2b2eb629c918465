package dev.kontor.tenant;

/** The tenant's version: how much of the product it includes. */
public enum Edition {
    BASIC, PROFESSIONAL, ENTERPRISE
}
